/// The resolved model as JSON, in the shape of the Java creator's `-o` output (reference §4.6) with two
/// differences: keys are sorted, and a type of another custom module keeps its module prefix
/// (`moduleA.ClassA`), so the output resolves the same way when read back.
public enum ModelDump {
    public static func json(_ module: Module, in schema: Schema) -> JSONNode {
        let b = Builder(module: module)
        var top: [(String, JSONNode)] = [
            ("name", b.string(module.name)),
            ("version", b.string(module.version)),
            ("kurentoVersion", b.string(module.kurentoVersion)),
            ("imports", b.array(module.imports.map(b.importNode))),
            ("code", b.code(CodeDefaults.resolved(module))),
            ("remoteClasses", b.array(module.remoteClasses.map(b.remoteClass))),
            ("complexTypes", b.array(module.complexTypes.map(b.complexType))),
            ("events", b.array(module.events.map(b.event))),
        ]
        if let v = module.kurentoMavenVersion { top.append(("kurentoMavenVersion", b.string(v))) }
        if let v = module.kurentoNpmVersion { top.append(("kurentoNpmVersion", b.string(v))) }
        if let v = module.repository { top.append(("repository", b.string(v))) }
        return b.object(top)
    }

    private struct Builder {
        let module: Module
        var at: SourceLocation { module.location }

        func string(_ s: String) -> JSONNode { JSONNode(.string(s), at: at) }
        func bool(_ b: Bool) -> JSONNode { JSONNode(.bool(b), at: at) }
        func array(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items), at: at) }
        func object(_ members: [(String, JSONNode?)]) -> JSONNode {
            JSONNode(.object(members.compactMap { key, value in
                value.map { JSONNode.Member(key: key, keyLocation: at, value: $0) }
            }), at: at)
        }

        /// `Name`, `Name[]`, `Name<>`; prefixed only for types of other custom modules.
        func type(_ t: TypeRef) -> JSONNode {
            var text: String
            switch t.base {
            case .primitive(let p): text = p.rawValue
            case .remoteClass(let q), .record(let q), .enumeration(let q), .event(let q):
                text = q.module == module.name || KurentoModules.contains(q.module) ? q.name : q.description
            case .unresolved(let s): text = s
            }
            text += t.container.rawValue
            return string(text)
        }

        func importNode(_ i: Import) -> JSONNode {
            object([("name", string(i.name)), ("version", string(i.version)),
                    ("mavenVersion", i.mavenVersion.map(string)), ("npmVersion", i.npmVersion.map(string))])
        }

        func code(_ value: CodeValue) -> JSONNode {
            switch value {
            case .string(let s): return string(s)
            case .map(let m): return object(m.keys.sorted().map { ($0, code(m[$0]!)) })
            }
        }

        func property(_ p: Property) -> JSONNode {
            object([("name", string(p.name)), ("doc", p.doc.map(string)), ("type", type(p.type)),
                    ("optional", p.isOptional ? bool(true) : nil),
                    ("defaultValue", p.isOptional ? p.defaultValue : nil),
                    ("readOnly", p.isReadOnly ? bool(true) : nil), ("final", p.isFinal ? bool(true) : nil)])
        }

        func method(_ m: Method) -> JSONNode {
            object([("name", m.name.isEmpty ? nil : string(m.name)), ("doc", m.doc.map(string)),
                    ("params", array(m.params.map(property))),
                    ("return", m.returnType.map { object([("type", type($0)), ("doc", m.returnDoc.map(string))]) })])
        }

        func nonEmpty(_ items: [JSONNode]) -> JSONNode? { items.isEmpty ? nil : array(items) }

        func remoteClass(_ c: RemoteClass) -> JSONNode {
            object([("name", string(c.name)), ("doc", c.doc.map(string)),
                    ("abstract", c.isAbstract ? bool(true) : nil),
                    ("extends", c.extends.map { type(TypeRef(.remoteClass($0))) }),
                    ("constructor", c.constructor.map(method)),
                    ("properties", nonEmpty(c.properties.map(property))),
                    ("methods", nonEmpty(c.methods.map(method))),
                    ("events", nonEmpty(c.events.map { type(TypeRef(.event($0.value))) }))])
        }

        func complexType(_ t: ComplexType) -> JSONNode {
            object([("name", string(t.name)), ("doc", t.doc.map(string)), ("typeFormat", string(t.kind.rawValue)),
                    ("extends", t.extends.map { type(TypeRef(.record($0))) }),
                    ("properties", t.kind == .record ? nonEmpty(t.properties.map(property)) : nil),
                    ("values", t.kind == .enumeration ? array(t.values.map { string($0.value) }) : nil)])
        }

        func event(_ e: Event) -> JSONNode {
            object([("name", string(e.name)), ("doc", e.doc.map(string)),
                    ("extends", e.extends.map { type(TypeRef(.event($0))) }),
                    ("properties", nonEmpty(e.properties.map(property)))])
        }
    }
}
