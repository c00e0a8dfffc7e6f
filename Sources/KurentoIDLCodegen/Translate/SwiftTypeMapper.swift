import KurentoIDL

/// Maps kmd types to Swift types and builds the Swift expressions that decode and encode them, for the
/// code of one kmd module. Types of other kmd modules are qualified with their Swift module.
struct SwiftTypeMapper {
    let schema: Schema
    let module: String
    let swiftModules: [String: String]

    /// The Swift module that holds the generated code of a kmd module.
    static func swiftModule(of kmd: String, overrides: [String: String]) -> String {
        if let name = overrides[kmd] { return name }
        return KurentoModules.contains(kmd) ? "KurentoPlatform" : "Kurento" + SwiftNaming.upperCamel(kmd)
    }

    var ownSwiftModule: String { Self.swiftModule(of: module, overrides: swiftModules) }

    /// The Swift modules this module's code refers to, besides itself and the runtime.
    var importedSwiftModules: [String] {
        let own = ownSwiftModule
        var result = Set<String>()
        for imp in schema.modules[module]?.imports ?? [] {
            let m = Self.swiftModule(of: imp.name, overrides: swiftModules)
            if m != own { result.insert(m) }
        }
        return result.sorted()
    }

    /// `Name` for declarations of this Swift module, `SwiftModule.Name` for others.
    private func qualify(_ q: QualifiedName, _ name: String) -> String {
        let target = Self.swiftModule(of: q.module, overrides: swiftModules)
        return target == ownSwiftModule ? name : "\(target).\(name)"
    }

    func className(_ q: QualifiedName) -> String { qualify(q, SwiftNaming.typeName(q.name)) }
    func valueTypeName(_ q: QualifiedName) -> String { qualify(q, SwiftNaming.typeName(q.name)) }
    func eventTypeName(_ q: QualifiedName) -> String { qualify(q, Self.eventName(q.name)) }
    func glueName(_ q: QualifiedName) -> String {
        qualify(q, Self.moduleTypeName(schema.modules[q.module]) + "." + SwiftNaming.typeName(q.name) + "Glue")
    }

    /// Events are named `<Name>Event`, as in Kurento's Java client (core's `Error` would shadow `Swift.Error`).
    static func eventName(_ kmd: String) -> String {
        let base = SwiftNaming.upperCamel(kmd)
        return base.hasSuffix("Event") ? base : base + "Event"
    }

    /// The generated module type: `CoreModule`, `ChromaModule` — or `ChromaKurentoModule` when the module
    /// declares a type named `ChromaModule` itself.
    static func moduleTypeName(_ module: Module?) -> String {
        guard let module else { return "UnknownModule" }
        let name = SwiftNaming.upperCamel(module.name) + "Module"
        let declared = module.remoteClasses.map(\.name) + module.complexTypes.map(\.name) + module.events.map(\.name)
        return declared.contains(where: { SwiftNaming.typeName($0) == name }) ? SwiftNaming.upperCamel(module.name) + "KurentoModule" : name
    }

    private func primitive(_ p: Primitive) -> String {
        switch p {
        case .boolean: "Swift.Bool"
        case .string: "Swift.String"
        case .int: "Swift.Int32"
        case .int64: "Swift.Int64"
        case .float: "Swift.Float"
        case .double: "Swift.Double"
        }
    }

    /// The Swift type of a value: in records and events, remote objects are `ObjectReference`s (ids).
    func valueType(_ t: TypeRef) -> String {
        let element: String = switch t.base {
        case .primitive(let p): primitive(p)
        case .record(let q), .enumeration(let q): valueTypeName(q)
        case .remoteClass: "ObjectReference"
        case .event(let q): eventTypeName(q)
        case .unresolved(let s): s
        }
        return wrap(element, t.container)
    }

    /// The Swift type of a param or return in a class protocol: remote objects are live objects there
    /// (`any MediaElement`), except inside maps, which hold `ObjectReference`s.
    func apiType(_ t: TypeRef) -> String {
        guard case .remoteClass(let q) = t.base, t.container != .map else { return valueType(t) }
        return wrap("any " + className(q), t.container)
    }

    private func wrap(_ element: String, _ container: TypeRefSyntax.Container) -> String {
        switch container {
        case .none: element
        case .list: "[\(element)]"
        case .map: "[Swift.String: \(element)]"
        }
    }

    func isLiveObject(_ t: TypeRef) -> Bool {
        if case .remoteClass = t.base, t.container != .map { return true }
        return false
    }

    /// How a param or field is read from `fields`, and the Swift type that results.
    func decode(_ p: Property, from fields: String, api: Bool) -> (expression: String, type: String) {
        let name = SwiftNaming.stringLiteral(p.name)
        if api, case .remoteClass(let q) = p.type.base, p.type.container != .map {
            let existential = "(any \(className(q))).self"
            let kmdClass = SwiftNaming.stringLiteral(q.name)
            if p.type.container == .list {
                return ("try \(fields).objects(\(name), \(existential), className: \(kmdClass), required: \(!p.isOptional))",
                        apiType(p.type))
            }
            if p.isOptional {
                return ("try \(fields).optionalObject(\(name), \(existential), className: \(kmdClass))", "(\(apiType(p.type)))?")
            }
            return ("try \(fields).object(\(name), \(existential), className: \(kmdClass))", apiType(p.type))
        }
        let type = api ? apiType(p.type) : valueType(p.type)
        if !p.isOptional { return ("try \(fields).required(\(name), \(type).self)", type) }
        if let d = p.defaultValue {
            return ("try \(fields).optional(\(name), \(type).self, default: \(jsonLiteral(d)))", type)
        }
        return ("try \(fields).optional(\(name), \(type).self)", type + "?")
    }

    /// The JSON of a value held in `expression` (never optional here).
    func encode(_ expression: String, _ t: TypeRef, api: Bool) -> String {
        if api && isLiveObject(t) {
            return t.container == .list ? "KurentoEncoding.references(\(expression))" : "KurentoEncoding.reference(\(expression))"
        }
        return "\(expression).kurentoJSON"
    }

    /// A Swift expression of type `JSON` for a kmd default value; object keys sorted.
    func jsonLiteral(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return ".null"
        case .bool(let b): return ".bool(\(b))"
        case .number(let text):
            if let i = Int64(text) { return ".int(\(i))" }
            return ".double(\(Double(text).map { "\($0)" } ?? text))"
        case .string(let s): return ".string(\(SwiftNaming.stringLiteral(s)))"
        case .array(let items): return ".array([\(items.map(jsonLiteral).joined(separator: ", "))])"
        case .object(let members):
            if members.isEmpty { return ".object([:])" }
            let sorted = members.sorted { $0.key < $1.key }
            return ".object([\(sorted.map { "\(SwiftNaming.stringLiteral($0.key)): \(jsonLiteral($0.value))" }.joined(separator: ", "))])"
        }
    }
}
