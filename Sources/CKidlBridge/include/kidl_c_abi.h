/*
 * The contract between a Kurento module implemented in C and the kidl host (KurentoCBridge): plain C types,
 * JSON strings and function pointers, so that no Swift type crosses a dlopen boundary.
 *
 * The block between the BEGIN and END lines is the same text as Templates/c-shim/abi.mustache, which every
 * generated c-shim header carries (a test keeps them equal).
 */
#ifndef KIDL_C_ABI_H
#define KIDL_C_ABI_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* BEGIN KIDL C ABI 1 */
#ifndef KIDL_C_ABI_1
#define KIDL_C_ABI_1

/** Version of the contract between a C module library and the kidl host. */
#define KIDL_C_ABI_VERSION 1

/** Results of the boundary functions and of the functions a module's author writes. */
#define KIDL_C_OK 0
#define KIDL_C_FAILED 1
/** invoke: the operation is not one of the C class chain; the host passes it on to the parent class. */
#define KIDL_C_NOT_HANDLED 2

/** A Kurento error: a code of reference §6.2 (40001 MARSHALL_ERROR …, 49000–49999 for modules) and a message. */
typedef struct kidl_error {
    int code;
    char message[1024];
} kidl_error;

/** What the host lends a module: where events go and how object ids found in params are checked. */
typedef struct kidl_c_host {
    void *context;
    /** Hands an event of an object to the host, which sends it to the subscribed sessions. */
    void (*emit)(void *context, const char *object_id, const char *event_type, const char *data_json);
    /** Checks that an object id names a live object of the class (wire name such as "kurento.MediaPipeline");
        KIDL_C_OK, or KIDL_C_FAILED with the error filled in. `path` and `class_name` name the value in messages. */
    int (*check_object)(void *context, const char *object_id, const char *qualified_type, const char *class_name,
                        const char *path, kidl_error *error);
    /** The handle of an object of this module created by C, if it is of the class or a subclass; else NULL. */
    void *(*lookup)(void *context, const char *object_id, const char *qualified_type);
} kidl_c_host;

/** One remote class of a C module, as the host sees it: names, and JSON in and out. */
typedef struct kidl_c_class {
    /** The kmd name ("StageFilter"). */
    const char *name;
    /** The wire name of the parent class ("kurento.Filter", "demo.OverlayBase"); NULL for a root. */
    const char *extends;
    /** The events the class declares (not those of its ancestors), NULL-terminated. */
    const char *const *events;
    /** The constructor param that names the new object's parent ("mediaPipeline"), or NULL. */
    const char *parent_param;
    int is_abstract;
    /** Creates an object from `constructorParams` (a JSON object). KIDL_C_OK with *handle set, or KIDL_C_FAILED. */
    int (*create)(const char *object_id, const char *params_json, void **handle, kidl_error *error);
    /** Runs an operation (method, get<Prop>, set<Prop>) with `operationParams` (a JSON object): KIDL_C_OK with
        *result_json set (the value as JSON, "null" for void; free it with the module's free_string),
        KIDL_C_FAILED, or KIDL_C_NOT_HANDLED. */
    int (*invoke)(void *handle, const char *operation, const char *params_json, char **result_json, kidl_error *error);
    /** Destroys an object; the handle is not used again. */
    void (*destroy)(void *handle);
} kidl_c_class;

/** A module implemented in C. */
typedef struct kidl_c_module {
    unsigned abi_version;
    const char *name;
    const char *version;
    /** The fused kmd as JSON, in pieces (C limits the length of a literal): concatenate them. NULL-terminated. */
    const char *const *kmd_json_parts;
    size_t class_count;
    const kidl_c_class *classes;
    /** Called once by the host before anything else; the module keeps a copy. */
    void (*set_host)(const kidl_c_host *host);
    /** Frees a string the module returned. */
    void (*free_string)(char *text);
} kidl_c_module;

/** The symbol the host looks up after dlopen: the library's modules, NULL-terminated. */
typedef const kidl_c_module *const *(*kidl_c_module_entry_fn)(void);

#endif
/* END KIDL C ABI 1 */

/** The ABI version this host was built with. */
unsigned kidl_c_host_abi_version(void);

#ifdef __cplusplus
}
#endif

#endif
