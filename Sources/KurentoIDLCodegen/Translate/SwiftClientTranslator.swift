import KurentoIDL

/// Builds the swift-client view models of one kmd module: proxy classes mirroring the kmd inheritance, with
/// `create`, methods and property accessors (each also as a transaction operation) and typed event
/// sequences; records, enums and events as the server has them.
struct SwiftClientTranslator {
    let schema: Schema
    let module: Module
    let options: GenerationOptions
    /// The client Swift module of every kmd module.
    let swiftModules: [String: String]
    let types: SwiftTypeMapper

    init(schema: Schema, module: Module, options: GenerationOptions) {
        self.schema = schema
        self.module = module
        self.options = options
        self.swiftModules = SwiftClientNaming.swiftModules(schema, overrides: options.swiftModules)
        self.types = SwiftTypeMapper(schema: schema, module: module.name, swiftModules: swiftModules)
    }

    var access: String { options.access.rawValue }

    /// Records, enums and events: the server translator's views, with types qualified by client modules and
    /// without the server's `RaiseBase` convenience init.
    func valuesView() -> ClientValuesView {
        var serverOptions = options
        serverOptions.swiftModules = swiftModules
        let server = SwiftServerTranslator(schema: schema, module: module, options: serverOptions).view()
        return ClientValuesView(header: GeneratedHeader.swift(for: module), access: access, imports: server.imports,
                                enums: server.enums, records: server.records,
                                events: server.events.map { var e = $0; e.hasRaiseBase = false; return e })
    }

    func moduleView() -> ClientModuleView {
        let moduleType = SwiftClientNaming.moduleTypeName(module)
        return ClientModuleView(
            header: GeneratedHeader.swift(for: module), access: access,
            imports: ["KurentoClient", "KurentoRuntime"] + types.importedSwiftModules,
            moduleType: moduleType, kmdNameRaw: module.name,
            classes: module.remoteClasses.map { classView($0, moduleType: moduleType) },
            events: module.events.map { SwiftTypeMapper.eventName($0.name) })
    }

    // MARK: Classes

    private func classView(_ c: RemoteClass, moduleType: String) -> ClientClassView {
        let members = ClientMembers(schema: schema, chain: [c] + schema.ancestors(ofClass: c.qualifiedName))
        let isPublic = options.access == .public
        return ClientClassView(
            doc: DocComment.render(c.doc, indent: ""),
            classKeyword: isPublic ? "open class" : "\(access) class",
            overridableAccess: isPublic ? "open" : access,
            name: SwiftNaming.typeName(c.name),
            superclass: c.extends.map { types.className($0) } ?? "KurentoProxy",
            typeNameLiteral: SwiftNaming.stringLiteral(c.name),
            qualifiedTypeLiteral: SwiftNaming.stringLiteral(c.qualifiedName.wireName),
            moduleType: moduleType,
            creates: c.isAbstract ? [] : [createView(c)],
            operations: operations(of: c, members: members),
            eventAccessors: members.accessors.map { q, name in
                ClientEventAccessorView(
                    doc: "    /// `\(q.name)` events of this object: subscribed when iteration starts, unsubscribed when it ends.\n",
                    name: SwiftNaming.escaped(name), eventType: types.eventTypeName(q))
            })
    }

    private func createView(_ c: RemoteClass) -> ClientCreateView {
        let params = c.constructor?.params ?? []
        var text = "Creates a `\(c.name)` on the server."
        for p in params where p.doc != nil { text += "\n- Parameter \(SwiftNaming.rawMemberName(p.name)): \(p.doc!)" }
        let declarations = params.map(paramDeclaration)
        return ClientCreateView(doc: DocComment.render(text, indent: "    "),
                                clientParams: Self.paramList(["_ client: KurentoClient"] + declarations),
                                transactionParams: Self.paramList(["_ transaction: KurentoTransaction"] + declarations),
                                statements: paramStatements(params), paramsArgument: params.isEmpty ? "[:]" : "params")
    }

    /// The class's own methods and property accessors, leaving out those an ancestor declares the same way.
    private func operations(of c: RemoteClass, members: ClientMembers) -> [ClientOperationView] {
        var result: [ClientOperationView] = []
        for m in c.methods where !members.inheritsMethod(m) {
            result.append(operation(name: members.methodName(m), kmdName: m.name, doc: DocComment.method(m), params: m.params,
                                    returns: m.returnType))
        }
        for p in c.properties where !members.inheritsProperty(p) {
            let cap = p.name.prefix(1).uppercased() + p.name.dropFirst()
            result.append(operation(name: SwiftNaming.escaped("get" + cap), kmdName: "get" + cap,
                                    doc: DocComment.render(p.doc, indent: "    "), params: [], returns: p.type))
            guard p.hasSetter else { continue }
            result.append(setter(p, name: SwiftNaming.escaped("set" + cap), kmdName: "set" + cap))
        }
        return result
    }

    private func operation(name: String, kmdName: String, doc: String, params: [Property], returns: TypeRef?) -> ClientOperationView {
        let literal = SwiftNaming.stringLiteral(kmdName)
        let declarations = params.map(paramDeclaration)
        let argument = params.isEmpty ? "nil" : "params"
        let result = self.result(returns, literal)
        return ClientOperationView(
            doc: doc, name: name, kmdName: kmdName, operationLiteral: literal, params: Self.paramList(declarations),
            transactionParams: Self.paramList(["_ transaction: KurentoTransaction"] + declarations), statements: paramStatements(params),
            paramsArgument: argument, returnClause: result.type.map { " -> " + $0 } ?? "",
            callLines: result.type == nil
                ? ["_ = try await kurentoInvoke(\(literal), \(argument))"]
                : ["let result = try await kurentoInvoke(\(literal), \(argument))", "return \(result.decode)"],
            resultType: result.type ?? "Swift.Void", decodeClosure: result.closure)
    }

    /// `setX(_ value:)`: the property as the only param, required, under the property's name.
    private func setter(_ p: Property, name: String, kmdName: String) -> ClientOperationView {
        let literal = SwiftNaming.stringLiteral(kmdName)
        let type = clientType(p.type)
        let statements = ["var params: [Swift.String: JSON] = [:]",
                          "params[\(SwiftNaming.stringLiteral(p.name))] = \(encode("value", p.type))"]
        return ClientOperationView(
            doc: "    /// Sets `\(p.name)`.\n", name: name, kmdName: kmdName, operationLiteral: literal, params: "_ value: \(type)", transactionParams: "_ transaction: KurentoTransaction, _ value: \(type)",
            statements: statements, paramsArgument: "params", returnClause: "",
            callLines: ["_ = try await kurentoInvoke(\(literal), params)"], resultType: "Swift.Void", decodeClosure: "{ _ in () }")
    }

    // MARK: Params and results

    /// `sink _sink: MediaElement`, `mediaType _mediaType: MediaType? = nil`: internal names start with `_`, so
    /// that no kmd name can hide a local of the body (`params`, `result`, `transaction`).
    private func paramDeclaration(_ p: Property) -> String {
        let type = clientType(p.type)
        return "\(SwiftNaming.parameterLabel(p.name)) \(internalName(p)): \(type)\(p.isOptional ? "? = nil" : "")"
    }

    /// Params on one line, or one per line when that line would be long.
    static func paramList(_ declarations: [String]) -> String {
        let line = declarations.joined(separator: ", ")
        guard line.count > 90, declarations.count > 1 else { return line }
        return "\n" + declarations.map { "        " + $0 }.joined(separator: ",\n") + "\n    "
    }

    private func internalName(_ p: Property) -> String { "_" + SwiftNaming.rawMemberName(p.name) }

    /// Lines that put the params into `params`; optional params that are nil are left out (the server then
    /// applies the kmd default).
    private func paramStatements(_ params: [Property]) -> [String] {
        guard !params.isEmpty else { return [] }
        return ["var params: [Swift.String: JSON] = [:]"] + params.map { p in
            let name = internalName(p)
            let assignment = "params[\(SwiftNaming.stringLiteral(p.name))] = \(encode(name, p.type))"
            return p.isOptional ? "if let \(name) { \(assignment) }" : assignment
        }
    }

    /// Remote objects are proxies in the API (`MediaElement`, `[MediaElement]`), ids inside maps and values.
    private func clientType(_ t: TypeRef) -> String {
        guard case .remoteClass(let q) = t.base, t.container != .map else { return types.valueType(t) }
        return t.container == .list ? "[\(types.className(q))]" : types.className(q)
    }

    private func encode(_ expression: String, _ t: TypeRef) -> String {
        if case .remoteClass = t.base, t.container != .map { return "\(expression).kurentoReference" }
        return "\(expression).kurentoJSON"
    }

    /// The result type, the async form's decoding of `result`, and the transaction form's decoding closure.
    private func result(_ t: TypeRef?, _ literal: String) -> (type: String?, decode: String, closure: String) {
        guard let t else { return (nil, "", "{ _ in () }") }
        if case .remoteClass(let q) = t.base, t.container != .map {
            let proxy = types.className(q)
            let many = t.container == .list
            let function = many ? "kurentoObjects" : "kurentoObject"
            return (many ? "[\(proxy)]" : "\(proxy)?",
                    "try await \(function)(result, \(proxy).self, \(literal))",
                    "{ [client = self.client] json in try KurentoProxy.\(function)(json, \(proxy).self, client: client, \(literal)) }")
        }
        let type = types.valueType(t)
        return (type, "try KurentoProxy.kurentoDecode(result, \(type).self, \(literal))",
                "{ json in try KurentoProxy.kurentoDecode(json, \(type).self, \(literal)) }")
    }
}
