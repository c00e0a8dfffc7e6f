/* The fixture module `shapes` implemented in C: every method gives back the value it got (moved out of the
   params, which the generated code owns: the test may take it), so a call is a decode/encode round trip. */
#include "shapes.h"

struct shapes_Echo {
    char *id;
    char *prefix;
    shapes_Color color;
    int64_t calls;
};

/* Takes a value out of a params struct (the generated code's local; it then frees nothing). */
#define TAKE(result, params_field) \
    do { memcpy((result), &(params_field), sizeof *(result)); memset((void *)&(params_field), 0, sizeof *(result)); } while (0)

static int create(const char *object_id, const shapes_Echo_create_params *params, shapes_Echo **self, kidl_error *error) {
    shapes_Echo *e = calloc(1, sizeof *e);
    (void)error;
    e->id = kidl_strdup(object_id);
    e->prefix = kidl_strdup(params->prefix);
    e->color = SHAPES_COLOR_RED;
    *self = e;
    return KIDL_C_OK;
}

static void destroy(shapes_Echo *e) {
    free(e->id);
    free(e->prefix);
    free(e);
}

static int all(shapes_Echo *e, const shapes_Echo_all_params *params, shapes_All *result, kidl_error *error) {
    (void)error;
    e->calls++;
    TAKE(result, params->value);
    return KIDL_C_OK;
}

static int chain(shapes_Echo *e, const shapes_Echo_chain_params *params, shapes_Chain *result, kidl_error *error) {
    (void)error;
    e->calls++;
    TAKE(result, params->value);
    return KIDL_C_OK;
}

static int leaves(shapes_Echo *e, const shapes_Echo_leaves_params *params, shapes_Leaf_list *result, kidl_error *error) {
    (void)error;
    e->calls++;
    TAKE(result, params->value);
    return KIDL_C_OK;
}

static int leaf_map(shapes_Echo *e, const shapes_Echo_leaf_map_params *params, shapes_Leaf_map *result, kidl_error *error) {
    (void)error;
    e->calls++;
    TAKE(result, params->value);
    return KIDL_C_OK;
}

/* The scalars as text, so the test sees what C received. */
static int scalars(shapes_Echo *e, const shapes_Echo_scalars_params *p, char **result, kidl_error *error) {
    char text[512];
    (void)error;
    e->calls++;
    snprintf(text, sizeof text, "%s b=%d i=%d l=%lld f=%.2f d=%.3f s=%s c=%s o=%s os=%zu", e->prefix, p->b ? 1 : 0, (int)p->i,
             (long long)p->l, (double)p->f, p->d, p->s, shapes_Color_to_string(p->c), p->o == NULL ? "-" : p->o, p->os.count);
    *result = kidl_strdup(text);
    return KIDL_C_OK;
}

static int emit(shapes_Echo *e, const shapes_Echo_emit_params *params, kidl_error *error) {
    shapes_EchoedEvent event;
    (void)error;
    memset(&event, 0, sizeof event);
    event.value = params->value;
    return shapes_emit_Echoed(e->id, &event);
}

static int nothing(shapes_Echo *e, kidl_error *error) {
    (void)e;
    return kidl_error_set(error, 49000, "nothing to do");
}

static int pick_1(shapes_Echo *e, const shapes_Echo_pick_1_params *params, int32_t *result, kidl_error *error) {
    (void)e;
    (void)error;
    *result = params->a;
    return KIDL_C_OK;
}

static int pick_2(shapes_Echo *e, const shapes_Echo_pick_2_params *params, int32_t *result, kidl_error *error) {
    (void)e;
    (void)error;
    *result = params->a + params->b;
    return KIDL_C_OK;
}

static int get_color(shapes_Echo *e, shapes_Color *result, kidl_error *error) {
    (void)error;
    *result = e->color;
    return KIDL_C_OK;
}

static int set_color(shapes_Echo *e, shapes_Color value, kidl_error *error) {
    (void)error;
    e->color = value;
    return KIDL_C_OK;
}

static int get_calls(shapes_Echo *e, int64_t *result, kidl_error *error) {
    (void)error;
    *result = e->calls;
    return KIDL_C_OK;
}

static const shapes_Echo_ops echo_ops = {
    .create = create, .destroy = destroy, .all = all, .chain = chain, .leaves = leaves, .leaf_map = leaf_map,
    .scalars = scalars, .emit = emit, .nothing = nothing, .pick_1 = pick_1, .pick_2 = pick_2,
    .get_color = get_color, .set_color = set_color, .get_calls = get_calls,
};

const shapes_implementation shapes_impl = { &echo_ops };
