/// Turns the JSON of one kmd file into its syntax tree. Wrong shapes are errors, unknown keys warnings;
/// an entry that lacks what it cannot do without (a class without a name) is reported and left out.
public enum KmdDecoder {
    static let topKeys = ["name", "version", "kurentoVersion", "kurentoMavenVersion", "kurentoNpmVersion",
                          "imports", "repository", "code", "remoteClasses", "complexTypes", "events"]
    static let importKeys = ["name", "version", "mavenVersion", "npmVersion"]
    static let classKeys = ["name", "doc", "extends", "abstract", "constructor", "properties", "methods", "events"]
    static let methodKeys = ["name", "doc", "params", "return"]
    static let constructorKeys = ["doc", "params"]
    static let returnKeys = ["type", "doc"]
    static let propertyKeys = ["name", "doc", "type", "optional", "defaultValue", "readOnly", "final"]
    static let complexTypeKeys = ["name", "doc", "typeFormat", "extends", "properties", "values"]
    static let eventKeys = ["name", "doc", "extends", "properties"]

    public static func decode(_ root: JSONNode, path: String, into diags: inout Diagnostics) -> KmdFileSyntax? {
        guard root.members != nil else {
            diags.error(.topLevelNotObject, "a kmd file must hold a JSON object, not \(article(root.kindName))",
                        at: root.location)
            return nil
        }
        let r = ObjectReader(root, what: "the module", knownKeys: topKeys)
        var file = KmdFileSyntax(path: path, location: root.location)
        file.name = r.string("name", &diags)
        file.version = r.string("version", &diags)
        file.kurentoVersion = r.string("kurentoVersion", &diags)
        file.kurentoMavenVersion = r.string("kurentoMavenVersion", &diags)
        file.kurentoNpmVersion = r.string("kurentoNpmVersion", &diags)
        file.repository = r.string("repository", &diags)
        if let m = r.member("imports"), let items = r.objects("imports", of: "import", &diags) {
            file.imports = Located(items.compactMap { decodeImport($0, &diags) }, at: m.value.location)
        }
        if let m = r.member("code") {
            if checkCode(m.value, path: "code", &diags) { file.code = m.value }
        }
        file.remoteClasses = (r.objects("remoteClasses", of: "remote class", &diags) ?? [])
            .compactMap { decodeClass($0, &diags) }
        file.complexTypes = (r.objects("complexTypes", of: "complex type", &diags) ?? [])
            .compactMap { decodeComplexType($0, &diags) }
        file.events = (r.objects("events", of: "event", &diags) ?? []).compactMap { decodeEvent($0, &diags) }
        r.reportUnknownKeys(&diags)
        return file
    }

    /// `code` holds nested objects whose leaves are strings.
    private static func checkCode(_ node: JSONNode, path: String, _ diags: inout Diagnostics) -> Bool {
        switch node.value {
        case .string: return true
        case .object(let members):
            return members.map { checkCode($0.value, path: path + "." + $0.key, &diags) }.allSatisfy { $0 }
        default:
            diags.error(.wrongValueType, "'\(path)' must be an object or a string, not \(article(node.kindName))",
                        at: node.location)
            return false
        }
    }

    private static func decodeImport(_ node: JSONNode, _ diags: inout Diagnostics) -> ImportSyntax? {
        let r = ObjectReader(node, what: "an import", knownKeys: importKeys)
        defer { r.reportUnknownKeys(&diags) }
        let name = r.required("name", &diags)
        let version = r.required("version", &diags)
        let maven = r.string("mavenVersion", &diags)
        let npm = r.string("npmVersion", &diags)
        guard let name, let version else { return nil }
        return ImportSyntax(name: name, version: version, mavenVersion: maven, npmVersion: npm, location: node.location)
    }

    private static func decodeClass(_ node: JSONNode, _ diags: inout Diagnostics) -> RemoteClassSyntax? {
        let r = ObjectReader(node, what: "a remote class", knownKeys: classKeys)
        defer { r.reportUnknownKeys(&diags) }
        guard let name = r.required("name", &diags) else { return nil }
        let className = name.value
        let what = { "remote class '\(className)'" }
        var constructor: MethodSyntax?
        if let m = r.member("constructor") {
            if m.value.members != nil {
                constructor = decodeMethod(m.value, constructorOf: name.value, keyLocation: m.keyLocation, &diags)
            } else if !m.value.isNull {
                diags.error(.wrongValueType, "'constructor' of \(what()) must be an object, not \(article(m.value.kindName))",
                            at: m.value.location)
            }
        }
        let doc = r.locatedDoc(&diags)
        return RemoteClassSyntax(
            name: name,
            doc: doc?.value, docLocation: doc?.location,
            extends: r.typeRef("extends", &diags),
            isAbstract: r.bool("abstract", &diags),
            constructor: constructor,
            properties: decodeProperties(r, owner: what(), &diags),
            methods: (r.objects("methods", of: "method", &diags) ?? []).compactMap { decodeMethod($0, of: what(), &diags) },
            events: (r.strings("events", &diags) ?? []).compactMap { ObjectReader.parseTypeRef($0, &diags) },
            location: node.location)
    }

    private static func decodeMethod(_ node: JSONNode, of owner: @autoclosure @escaping () -> String,
                                     _ diags: inout Diagnostics) -> MethodSyntax? {
        let r = ObjectReader(node, what: "a method of \(owner())", knownKeys: methodKeys)
        defer { r.reportUnknownKeys(&diags) }
        guard let name = r.required("name", &diags) else { return nil }
        return decodeCallable(r, name: name, &diags)
    }

    private static func decodeMethod(_ node: JSONNode, constructorOf owner: String, keyLocation: SourceLocation,
                                     _ diags: inout Diagnostics) -> MethodSyntax {
        let r = ObjectReader(node, what: "the constructor of '\(owner)'", knownKeys: constructorKeys)
        defer { r.reportUnknownKeys(&diags) }
        return decodeCallable(r, name: Located("", at: keyLocation), &diags)
    }

    private static func decodeCallable(_ r: ObjectReader, name: Located<String>, _ diags: inout Diagnostics) -> MethodSyntax {
        var returns: ReturnSyntax?
        if let m = r.member("return"), !m.value.isNull {
            if m.value.members != nil {
                let rr = ObjectReader(m.value, what: "a return", knownKeys: returnKeys)
                if m.value["type"] == nil {
                    diags.error(.missingKey, "'return' has no 'type'; leave 'return' out for a method that returns nothing",
                                at: m.value.location)
                } else if let type = rr.typeRef("type", &diags) {
                    let doc = rr.locatedDoc(&diags)
                    returns = ReturnSyntax(type: type, doc: doc?.value, docLocation: doc?.location)
                }
                rr.reportUnknownKeys(&diags)
            } else {
                diags.error(.wrongValueType, "'return' must be an object with a 'type', not \(article(m.value.kindName))",
                            at: m.value.location)
            }
        }
        let params = (r.objects("params", of: "param", &diags) ?? []).compactMap {
            decodeProperty($0, what: "a param", &diags)
        }
        let doc = r.locatedDoc(&diags)
        return MethodSyntax(name: name, doc: doc?.value, docLocation: doc?.location, params: params, returns: returns,
                            location: r.node.location)
    }

    private static func decodeProperties(_ r: ObjectReader, owner: @autoclosure @escaping () -> String,
                                         _ diags: inout Diagnostics) -> [PropertySyntax] {
        (r.objects("properties", of: "property", &diags) ?? []).compactMap {
            decodeProperty($0, what: "a property of \(owner())", &diags)
        }
    }

    private static func decodeProperty(_ node: JSONNode, what: @autoclosure @escaping () -> String,
                                       _ diags: inout Diagnostics) -> PropertySyntax? {
        let r = ObjectReader(node, what: what(), knownKeys: propertyKeys)
        defer { r.reportUnknownKeys(&diags) }
        let name = r.required("name", &diags)
        let hasType = r.member("type") != nil
        if !hasType, name != nil {
            diags.error(.missingKey, "'\(name!.value)' has no 'type'", at: node.location)
        }
        let type = hasType ? r.typeRef("type", &diags) : nil
        guard let name, let type else { return nil }
        let doc = r.locatedDoc(&diags)
        return PropertySyntax(
            name: name, doc: doc?.value, docLocation: doc?.location, type: type,
            isOptional: r.bool("optional", &diags), defaultValue: r.member("defaultValue")?.value,
            isReadOnly: r.bool("readOnly", &diags), isFinal: r.bool("final", &diags), location: node.location)
    }

    private static func decodeComplexType(_ node: JSONNode, _ diags: inout Diagnostics) -> ComplexTypeSyntax? {
        let r = ObjectReader(node, what: "a complex type", knownKeys: complexTypeKeys)
        defer { r.reportUnknownKeys(&diags) }
        guard let name = r.required("name", &diags) else { return nil }
        let doc = r.locatedDoc(&diags)
        return ComplexTypeSyntax(
            name: name, doc: doc?.value, docLocation: doc?.location, typeFormat: r.string("typeFormat", &diags),
            extends: r.typeRef("extends", &diags),
            properties: decodeProperties(r, owner: "'\(name.value)'", &diags),
            values: r.strings("values", &diags), location: node.location)
    }

    private static func decodeEvent(_ node: JSONNode, _ diags: inout Diagnostics) -> EventSyntax? {
        let r = ObjectReader(node, what: "an event", knownKeys: eventKeys)
        defer { r.reportUnknownKeys(&diags) }
        guard let name = r.required("name", &diags) else { return nil }
        let doc = r.locatedDoc(&diags)
        return EventSyntax(
            name: name, doc: doc?.value, docLocation: doc?.location, extends: r.typeRef("extends", &diags),
            properties: decodeProperties(r, owner: "event '\(name.value)'", &diags), location: node.location)
    }
}
