import KurentoIDL

/// How one kmd type is held, passed, coded and freed in the C shim.
struct CType: Hashable {
    /// How a value is freed.
    enum Release: Hashable {
        case none
        /// `free(x)`: strings and object ids.
        case pointer
        /// `f(&x)`: records, events, lists and maps.
        case function(String)
        /// A record held behind a pointer (a field that would otherwise contain its own type): `f(x); free(x)`.
        case boxed(String)
    }

    /// In structs and behind result pointers: `int32_t`, `char *`, `demo_Point`, `kidl_string_list`.
    var storage: String
    /// A setter's value param: `int32_t`, `const char *`, `const demo_Point *`.
    var argument: String
    /// Whether a setter gets `&value` (records, lists, maps) rather than `value`.
    var passedByAddress: Bool
    /// The codec: the generated .c reads a value with `kidl_c_decode_<codec>` and writes it with
    /// `kidl_c_encode_<codec>`.
    var codec: String
    var release: Release
    /// The element type of a list or map.
    var element: TypeRef?
    /// For object params checked by the host: the class (wire name and kmd name).
    var checkedClass: QualifiedName?

    /// The statement that frees `lvalue`, or nil.
    func freeStatement(_ lvalue: String) -> String? {
        switch release {
        case .none: nil
        case .pointer: "free(\(lvalue));"
        case .function(let f): "\(f)(&\(lvalue));"
        case .boxed(let f): "if (\(lvalue) != NULL) { \(f)(\(lvalue)); free(\(lvalue)); }"
        }
    }
}

/// Maps kmd types to C types and names for the c-shim target. Type names carry the declaring module's
/// prefix (`core_Tag`, `demo_Caption`), so that every header that declares a type declares the same thing.
struct CTypeMapper {
    let schema: Schema

    /// `demo_StageFilter`, `core_Tag`, `demo_CaptionShownEvent` (events get `Event`, as in the Swift targets).
    func typeName(_ q: QualifiedName, isEvent: Bool = false) -> String {
        let base = CNaming.typeName(module: q.module, q.name)
        return isEvent && !q.name.hasSuffix("Event") ? base + "Event" : base
    }

    func typeName(of base: TypeRef.Base) -> String {
        switch base {
        case .record(let q), .enumeration(let q), .remoteClass(let q): typeName(q)
        case .event(let q): typeName(q, isEvent: true)
        case .primitive(let p): Self.primitiveToken(p)
        case .unresolved(let s): CNaming.memberName(s)
        }
    }

    static func primitiveToken(_ p: Primitive) -> String {
        switch p {
        case .boolean: "bool"
        case .int: "int"
        case .int64: "int64"
        case .float: "float"
        case .double: "double"
        case .string: "string"
        }
    }

    private static func primitiveStorage(_ p: Primitive) -> String {
        switch p {
        case .boolean: "bool"
        case .int: "int32_t"
        case .int64: "int64_t"
        case .float: "float"
        case .double: "double"
        case .string: "char *"
        }
    }

    /// The C type of a value as records, events and results hold it: remote objects are ids (`char *`).
    func valueType(_ t: TypeRef) -> CType {
        switch t.container {
        case .none: single(t.base)
        case .list: container(t, suffix: "list")
        case .map: container(t, suffix: "map")
        }
    }

    /// The C type of a method or constructor param: like `valueType`, but ids of remote objects (alone or
    /// in lists) are checked by the host as the Swift glue checks them (exists, right class).
    func paramType(_ t: TypeRef) -> CType {
        guard case .remoteClass(let q) = t.base, t.container != .map else { return valueType(t) }
        var type = valueType(t)
        type.codec = (t.container == .list ? "object_list_" : "object_") + typeName(q)
        type.checkedClass = q
        return type
    }

    /// A record field that would contain its own type: held behind a pointer.
    func boxedType(_ q: QualifiedName) -> CType {
        let name = typeName(q)
        return CType(storage: "\(name) *", argument: "const \(name) *", passedByAddress: false, codec: "boxed_" + name,
                     release: .boxed(name + "_free"))
    }

    private func single(_ base: TypeRef.Base) -> CType {
        switch base {
        case .primitive(let p):
            let storage = Self.primitiveStorage(p)
            return CType(storage: storage, argument: p == .string ? "const char *" : storage, passedByAddress: false,
                         codec: Self.primitiveToken(p), release: p == .string ? .pointer : .none)
        case .remoteClass:
            return CType(storage: "char *", argument: "const char *", passedByAddress: false, codec: "string", release: .pointer)
        case .enumeration:
            let name = typeName(of: base)
            return CType(storage: name, argument: name, passedByAddress: false, codec: name, release: .none)
        case .record, .event:
            let name = typeName(of: base)
            return CType(storage: name, argument: "const \(name) *", passedByAddress: true, codec: name,
                         release: .function(name + "_free"))
        case .unresolved(let s):
            return CType(storage: "void *", argument: "const void *", passedByAddress: false, codec: CNaming.memberName(s), release: .none)
        }
    }

    private func container(_ t: TypeRef, suffix: String) -> CType {
        let element = single(t.base)
        let token: String = switch t.base {
        case .primitive, .remoteClass: element.codec
        default: typeName(of: t.base)
        }
        let name = isCommon(t.base) ? "kidl_\(token)_\(suffix)" : "\(token)_\(suffix)"
        return CType(storage: name, argument: "const \(name) *", passedByAddress: true, codec: "\(token)_\(suffix)",
                     release: .function(name + "_free"), element: TypeRef(t.base))
    }

    /// Lists and maps of primitives (and of object ids) are declared once for all modules, as `kidl_…`.
    private func isCommon(_ base: TypeRef.Base) -> Bool {
        switch base {
        case .primitive, .remoteClass: true
        default: false
        }
    }

    /// The constant of an enum value: `DEMO_CAPTION_ANCHOR_BOTTOM`, unique among the constants of the
    /// declaring module (the same in every header that declares the enum).
    func enumConstants(_ q: QualifiedName) -> [(value: String, constant: String)] {
        guard let module = schema.modules[q.module] else { return [] }
        var scope = CNameScope()
        var result: [QualifiedName: [(String, String)]] = [:]
        let prefix = CNaming.upperSnake(CNaming.modulePrefix(q.module))
        for e in module.complexTypes where e.kind == .enumeration {
            result[e.qualifiedName] = e.values.map { v in
                (v.value, scope.claim(CNaming.collapsedUnderscores("\(prefix)_\(CNaming.upperSnake(e.name))_\(CNaming.upperSnake(v.value))")))
            }
        }
        return result[q] ?? []
    }

    /// The field names of a struct, in order, unique within it; optional fields without a default get a
    /// presence flag `has_<name>` (also unique).
    func fieldNames(_ properties: [Property], reserved: Set<String> = []) -> [(name: String, presence: String?)] {
        var scope = CNameScope(reserved: reserved)
        let names = properties.map { scope.claim(CNaming.memberName($0.name)) }
        return zip(properties, names).map { p, name in
            (name, needsPresenceFlag(p) ? scope.claim("has_" + name) : nil)
        }
    }

    /// Optional values without a default need a flag saying whether they were given (object params do not:
    /// their id is NULL when absent).
    func needsPresenceFlag(_ p: Property, api: Bool = false) -> Bool {
        guard p.isOptional, p.defaultValue == nil else { return false }
        if api, case .remoteClass = p.type.base, p.type.container != .map { return false }
        return true
    }
}
