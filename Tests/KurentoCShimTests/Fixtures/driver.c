/* Drives a C module through its boundary (kidl_c_module_entry) with a fake host, from a script on standard
   input, one command per line, fields separated by tabs:
       create <Class> <constructorParams JSON>      -> OK <handle number> | ERR <code> <message>
       invoke <operation> <operationParams JSON>    -> OK <result JSON> | ERR <code> <message> | NOT_HANDLED
       destroy                                      -> DESTROYED
   Commands act on the object created last. Events the module emits print as EVENT <object> <type> <data>.
   The fake host says object ids starting with "missing" do not exist, and those starting with "wrong" have
   another class. Built with a generated module source and its implementation by KurentoCShimTests, and run
   under valgrind there. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kidl_c_abi.h"

const kidl_c_module *const *kidl_c_module_entry(void);

static void emit(void *context, const char *object_id, const char *event_type, const char *data_json) {
    (void)context;
    printf("EVENT %s %s %s\n", object_id, event_type, data_json);
}

static int check_object(void *context, const char *object_id, const char *qualified_type, const char *class_name,
                        const char *path, kidl_error *error) {
    (void)context;
    (void)qualified_type;
    if (strncmp(object_id, "missing", 7) == 0) {
        error->code = 40101;
        snprintf(error->message, sizeof error->message, "Object '%s' not found", object_id);
        return KIDL_C_FAILED;
    }
    if (strncmp(object_id, "wrong", 5) == 0) {
        error->code = 40001;
        snprintf(error->message, sizeof error->message, "%s should be a %s, but '%s' is not", path, class_name, object_id);
        return KIDL_C_FAILED;
    }
    return KIDL_C_OK;
}

static void *lookup(void *context, const char *object_id, const char *qualified_type) {
    (void)context;
    (void)object_id;
    (void)qualified_type;
    return NULL;
}

static const kidl_c_class *find_class(const kidl_c_module *module, const char *name) {
    size_t i;
    for (i = 0; i < module->class_count; i++) {
        if (strcmp(module->classes[i].name, name) == 0) return &module->classes[i];
    }
    return NULL;
}

int main(void) {
    const kidl_c_module *module = kidl_c_module_entry()[0];
    const kidl_c_class *current = NULL;
    void *handle = NULL;
    int objects = 0;
    kidl_c_host host;
    char line[65536];
    host.context = NULL;
    host.emit = emit;
    host.check_object = check_object;
    host.lookup = lookup;
    module->set_host(&host);
    while (fgets(line, sizeof line, stdin) != NULL) {
        char *command = strtok(line, "\t\n");
        char *name = strtok(NULL, "\t\n");
        char *params = strtok(NULL, "\n");
        kidl_error error;
        memset(&error, 0, sizeof error);
        if (command == NULL) continue;
        if (strcmp(command, "create") == 0) {
            const kidl_c_class *cls = find_class(module, name);
            void *created = NULL;
            if (cls == NULL || cls->create == NULL) {
                printf("ERR 0 no class %s\n", name);
            } else if (cls->create("object-1", params, &created, &error) == KIDL_C_OK) {
                if (current != NULL) current->destroy(handle);
                current = cls;
                handle = created;
                printf("OK %d\n", ++objects);
            } else {
                printf("ERR %d %s\n", error.code, error.message);
            }
        } else if (strcmp(command, "invoke") == 0 && current != NULL) {
            char *result = NULL;
            int status = current->invoke(handle, name, params, &result, &error);
            if (status == KIDL_C_OK) printf("OK %s\n", result);
            else if (status == KIDL_C_NOT_HANDLED) printf("NOT_HANDLED\n");
            else printf("ERR %d %s\n", error.code, error.message);
            module->free_string(result);
        } else if (strcmp(command, "destroy") == 0 && current != NULL) {
            current->destroy(handle);
            current = NULL;
            handle = NULL;
            printf("DESTROYED\n");
        } else {
            printf("ERR 0 bad command %s\n", command);
        }
        fflush(stdout);
    }
    if (current != NULL) current->destroy(handle);
    return 0;
}
