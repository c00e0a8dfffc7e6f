/* The demo module's StageFilter and CaptionFeed implemented in C against the generated demo.h: state kept
   per object, events emitted from C, an object param looked up, errors with Kurento codes. Built into a
   shared library with demo.c by the tests (KurentoCShimTests). */
#include "demo.h"

/* Objects alive, for the tests to see that released objects are destroyed (read with dlsym). */
static int live_objects;
int demo_test_live_objects(void);
int demo_test_live_objects(void) { return live_objects; }

struct demo_StageFilter {
    char *id;
    char *stage_name;
    bool overlay_enabled;
    int32_t face_threshold;
    int32_t captions;
    int64_t processed_frames;
    demo_DetectionMode mode;
    demo_CaptionStyle style;
    kidl_string_map role_colors;
    demo_Speaker_list speakers;
    char *feed;
};

struct demo_CaptionFeed {
    char *language;
    int32_t pending;
};

static void copy_string_map(kidl_string_map *to, const kidl_string_map *from) {
    size_t i;
    to->count = from->count;
    to->keys = calloc(from->count + 1, sizeof *to->keys);
    to->values = calloc(from->count + 1, sizeof *to->values);
    for (i = 0; i < from->count; i++) {
        to->keys[i] = kidl_strdup(from->keys[i]);
        to->values[i] = kidl_strdup(from->values[i]);
    }
}

static void copy_speaker(demo_Speaker *to, const demo_Speaker *from) {
    to->id = kidl_strdup(from->id);
    to->display_name = kidl_strdup(from->display_name);
    to->role = from->role;
    copy_string_map(&to->attributes, &from->attributes);
}

static void copy_style(demo_CaptionStyle *to, const demo_CaptionStyle *from) {
    *to = *from;
    to->font_family = kidl_strdup(from->font_family);
}

static int stage_create(const char *object_id, const demo_StageFilter_create_params *params, demo_StageFilter **self,
                        kidl_error *error) {
    demo_StageFilter *s;
    size_t i;
    if (params->max_captions < 0) return kidl_error_set(error, 49001, "maxCaptions must not be negative");
    s = calloc(1, sizeof *s);
    live_objects++;
    s->id = kidl_strdup(object_id);
    s->stage_name = kidl_strdup(params->stage_name);
    s->overlay_enabled = true;
    s->mode = params->detection_mode;
    s->style.font_family = kidl_strdup("sans");
    s->style.font_size = 24;
    s->style.opacity = params->caption_opacity;
    copy_string_map(&s->role_colors, &params->role_colors);
    s->speakers.items = calloc(params->speakers.count + 1, sizeof *s->speakers.items);
    s->speakers.count = params->speakers.count;
    for (i = 0; i < params->speakers.count; i++) copy_speaker(&s->speakers.items[i], &params->speakers.items[i]);
    *self = s;
    return KIDL_C_OK;
}

static void stage_destroy(demo_StageFilter *s) {
    live_objects--;
    free(s->id);
    free(s->stage_name);
    free(s->feed);
    demo_CaptionStyle_free(&s->style);
    kidl_string_map_free(&s->role_colors);
    demo_Speaker_list_free(&s->speakers);
    free(s);
}

static int get_overlay_enabled(demo_StageFilter *s, bool *result, kidl_error *error) {
    (void)error;
    *result = s->overlay_enabled;
    return KIDL_C_OK;
}

static int set_overlay_enabled(demo_StageFilter *s, bool value, kidl_error *error) {
    (void)error;
    s->overlay_enabled = value;
    return KIDL_C_OK;
}

static int get_overlay_count(demo_StageFilter *s, int32_t *result, kidl_error *error) {
    (void)error;
    *result = s->captions;
    return KIDL_C_OK;
}

/* Shows a caption: counts it and raises CaptionShown with the caption as given. */
static int show_caption(demo_StageFilter *s, const demo_StageFilter_show_caption_params *params, char **result,
                        kidl_error *error) {
    demo_CaptionShownEvent event;
    char id[32];
    if (!s->overlay_enabled) return kidl_error_set(error, KIDL_MEDIA_OBJECT_ILLEGAL_PARAM_ERROR, "overlays are off");
    snprintf(id, sizeof id, "caption-%d", (int)++s->captions);
    memset(&event, 0, sizeof event);
    event.caption_id = id;
    event.caption = params->caption;
    event.anchor = DEMO_CAPTION_ANCHOR_BOTTOM;
    demo_emit_CaptionShown(s->id, &event);
    *result = kidl_strdup(id);
    return KIDL_C_OK;
}

static int add_speaker(demo_StageFilter *s, const demo_StageFilter_add_speaker_params *params, kidl_error *error) {
    demo_Speaker *items = realloc(s->speakers.items, (s->speakers.count + 1) * sizeof *items);
    if (items == NULL) return kidl_error_set(error, KIDL_NOT_ENOUGH_RESOURCES, "no memory");
    s->speakers.items = items;
    memset(&items[s->speakers.count], 0, sizeof *items);
    copy_speaker(&items[s->speakers.count++], &params->speaker);
    return KIDL_C_OK;
}

static int get_speakers(demo_StageFilter *s, demo_Speaker_list *result, kidl_error *error) {
    size_t i;
    (void)error;
    result->items = calloc(s->speakers.count + 1, sizeof *result->items);
    result->count = s->speakers.count;
    for (i = 0; i < s->speakers.count; i++) copy_speaker(&result->items[i], &s->speakers.items[i]);
    return KIDL_C_OK;
}

/* Two faces per call; FaceCountExceeded when over the threshold. */
static int list_faces(demo_StageFilter *s, demo_FaceBox_list *result, kidl_error *error) {
    (void)error;
    s->processed_frames++;
    result->count = 2;
    result->items = calloc(2, sizeof *result->items);
    result->items[0].origin.x = 10;
    result->items[0].width = 64;
    result->items[0].height = 64;
    result->items[0].face_id = 9007199254740993LL;
    result->items[0].confidence = 0.5;
    result->items[0].has_speaker_id = true;
    result->items[0].speaker_id = kidl_strdup("ana");
    result->items[1].labels.count = 1;
    result->items[1].labels.items = calloc(1, sizeof(char *));
    result->items[1].labels.items[0] = kidl_strdup("blurred");
    if (s->face_threshold > 0 && 2 > s->face_threshold) {
        demo_FaceCountExceededEvent event;
        memset(&event, 0, sizeof event);
        event.faces = *result;
        event.count = 2;
        event.mode = s->mode;
        event.threshold = s->face_threshold;
        demo_emit_FaceCountExceeded(s->id, &event);
    }
    return KIDL_C_OK;
}

static int get_stage_name(demo_StageFilter *s, char **result, kidl_error *error) {
    (void)error;
    *result = kidl_strdup(s->stage_name);
    return KIDL_C_OK;
}

static int get_caption_style(demo_StageFilter *s, demo_CaptionStyle *result, kidl_error *error) {
    (void)error;
    copy_style(result, &s->style);
    return KIDL_C_OK;
}

static int set_caption_style(demo_StageFilter *s, const demo_CaptionStyle *value, kidl_error *error) {
    (void)error;
    demo_CaptionStyle_free(&s->style);
    copy_style(&s->style, value);
    return KIDL_C_OK;
}

static int get_detection_mode(demo_StageFilter *s, demo_DetectionMode *result, kidl_error *error) {
    (void)error;
    *result = s->mode;
    return KIDL_C_OK;
}

static int set_detection_mode(demo_StageFilter *s, demo_DetectionMode value, kidl_error *error) {
    (void)error;
    s->mode = value;
    return KIDL_C_OK;
}

static int get_face_threshold(demo_StageFilter *s, int32_t *result, kidl_error *error) {
    (void)error;
    *result = s->face_threshold;
    return KIDL_C_OK;
}

static int set_face_threshold(demo_StageFilter *s, int32_t value, kidl_error *error) {
    if (value < 0) return kidl_error_setf(error, 49002, "faceThreshold %d is negative", (int)value);
    s->face_threshold = value;
    return KIDL_C_OK;
}

static int get_role_colors(demo_StageFilter *s, kidl_string_map *result, kidl_error *error) {
    (void)error;
    copy_string_map(result, &s->role_colors);
    return KIDL_C_OK;
}

static int set_role_colors(demo_StageFilter *s, const kidl_string_map *value, kidl_error *error) {
    (void)error;
    kidl_string_map_free(&s->role_colors);
    copy_string_map(&s->role_colors, value);
    return KIDL_C_OK;
}

static int get_processed_frames(demo_StageFilter *s, int64_t *result, kidl_error *error) {
    (void)error;
    *result = s->processed_frames;
    return KIDL_C_OK;
}

/* Follows a feed: the id was checked by the host; the feed must be a C object of this module. */
static int link_feed(demo_StageFilter *s, const demo_StageFilter_link_feed_params *params, kidl_error *error) {
    demo_CaptionFeed *feed = demo_CaptionFeed_lookup(params->feed);
    if (feed == NULL) return kidl_error_set(error, KIDL_MEDIA_OBJECT_NOT_FOUND, "no such feed");
    if (params->media_type != CORE_MEDIA_TYPE_DATA) return kidl_error_set(error, KIDL_UNSUPPORTED_MEDIA_TYPE, "DATA only");
    free(s->feed);
    s->feed = kidl_strdup(params->feed);
    feed->pending = 0;
    return KIDL_C_OK;
}

/* Fails without saying why: the generated code reports UNEXPECTED_ERROR. */
static int measure_latency(demo_StageFilter *s, const demo_StageFilter_measure_latency_params *params, double *result,
                           kidl_error *error) {
    (void)s;
    (void)error;
    if (params->samples <= 0) return KIDL_C_FAILED;
    *result = 2.5;
    return KIDL_C_OK;
}

static const demo_StageFilter_ops stage_filter_ops = {
    .create = stage_create,
    .destroy = stage_destroy,
    .get_overlay_enabled = get_overlay_enabled,
    .set_overlay_enabled = set_overlay_enabled,
    .get_overlay_count = get_overlay_count,
    .show_caption = show_caption,
    .add_speaker = add_speaker,
    .list_faces = list_faces,
    .measure_latency = measure_latency,
    .link_feed = link_feed,
    .get_stage_name = get_stage_name,
    .get_caption_style = get_caption_style,
    .set_caption_style = set_caption_style,
    .get_detection_mode = get_detection_mode,
    .set_detection_mode = set_detection_mode,
    .get_face_threshold = get_face_threshold,
    .set_face_threshold = set_face_threshold,
    .get_role_colors = get_role_colors,
    .set_role_colors = set_role_colors,
    .get_speakers = get_speakers,
    .get_processed_frames = get_processed_frames,
};

static int feed_create(const char *object_id, const demo_CaptionFeed_create_params *params, demo_CaptionFeed **self,
                       kidl_error *error) {
    demo_CaptionFeed *f = calloc(1, sizeof *f);
    live_objects++;
    (void)object_id;
    (void)error;
    f->language = kidl_strdup(params->language);
    *self = f;
    return KIDL_C_OK;
}

static void feed_destroy(demo_CaptionFeed *f) {
    live_objects--;
    free(f->language);
    free(f);
}

static int feed_push(demo_CaptionFeed *f, const demo_CaptionFeed_push_params *params, kidl_error *error) {
    (void)params;
    (void)error;
    f->pending++;
    return KIDL_C_OK;
}

static int feed_pending(demo_CaptionFeed *f, int32_t *result, kidl_error *error) {
    (void)error;
    *result = f->pending;
    return KIDL_C_OK;
}

static int feed_language(demo_CaptionFeed *f, char **result, kidl_error *error) {
    (void)error;
    *result = kidl_strdup(f->language);
    return KIDL_C_OK;
}

static const demo_CaptionFeed_ops caption_feed_ops = {
    .create = feed_create,
    .destroy = feed_destroy,
    .push = feed_push,
    .get_pending_captions = feed_pending,
    .get_language = feed_language,
};

/* LogoOverlay is left out: creating one is NOT_IMPLEMENTED. */
const demo_implementation demo_impl = { &stage_filter_ops, NULL, &caption_feed_ops };
