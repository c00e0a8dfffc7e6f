import KurentoIDL

/// Builds the swift-server view model of one kmd module.
struct SwiftServerTranslator {
    let schema: Schema
    let module: Module
    let options: GenerationOptions
    let types: SwiftTypeMapper

    init(schema: Schema, module: Module, options: GenerationOptions) {
        self.schema = schema
        self.module = module
        self.options = options
        self.types = SwiftTypeMapper(schema: schema, module: module.name, swiftModules: options.swiftModules)
    }

    var access: String { options.access.rawValue }

    func view() -> ServerModuleView {
        let classes = module.remoteClasses.map(classView)
        let concrete = classes.filter(\.isConcrete)
        return ServerModuleView(
            header: GeneratedHeader.swift(for: module),
            access: access,
            imports: ["KurentoRuntime"] + types.importedSwiftModules,
            moduleType: SwiftTypeMapper.moduleTypeName(module),
            kmdName: SwiftNaming.stringLiteral(module.name),
            kmdNameRaw: module.name,
            version: SwiftNaming.stringLiteral(module.version),
            kmdLiteral: SwiftLiterals.rawMultilineString(JSONWriter.write(ModelDump.json(module, in: schema), sortKeys: true)),
            enums: module.complexTypes.filter { $0.kind == .enumeration }.map(enumView),
            records: module.complexTypes.filter { $0.kind == .record }.map(recordView),
            events: module.events.map(eventView),
            classes: classes,
            concreteClasses: concrete,
            hasConcreteClasses: !concrete.isEmpty,
            moduleInitParams: concrete.map { "\($0.implementationName): any \($0.name).Type" }.joined(separator: ", "))
    }

    // MARK: Value types

    private func enumView(_ t: ComplexType) -> EnumView {
        EnumView(doc: DocComment.render(t.doc, indent: ""), name: SwiftNaming.typeName(t.name),
                 kmdNameLiteral: SwiftNaming.stringLiteral(t.name),
                 cases: t.values.map { EnumCaseView(name: SwiftNaming.memberName($0.value), rawLiteral: SwiftNaming.stringLiteral($0.value)) })
    }

    private func fieldView(_ p: Property) -> FieldView {
        let name = SwiftNaming.memberName(p.name)
        let label = SwiftNaming.parameterLabel(p.name)
        let internalName = "_" + SwiftNaming.rawMemberName(p.name)
        let (decode, type) = types.decode(p, from: "fields", api: false)
        let isOptional = type.hasSuffix("?")
        let key = SwiftNaming.stringLiteral(p.name)
        let encode = isOptional
            ? "if let value = self.\(name) { object[\(key)] = value.kurentoJSON }"
            : "object[\(key)] = self.\(name).kurentoJSON"
        return FieldView(doc: DocComment.render(p.doc, indent: "    "), name: name, type: type, kmdNameLiteral: key,
                         initParam: "\(label) \(internalName): \(type)\(isOptional ? " = nil" : "")",
                         internalName: internalName, decodeArgument: "\(SwiftNaming.argumentLabel(p.name)): \(decode)", encodeStatement: encode)
    }

    private func recordView(_ t: ComplexType) -> RecordView {
        let fields = schema.allProperties(ofComplexType: t.qualifiedName).map(fieldView)
        return RecordView(doc: DocComment.render(t.doc, indent: ""), name: SwiftNaming.typeName(t.name),
                          kmdNameLiteral: SwiftNaming.stringLiteral(t.name),
                          moduleLiteral: SwiftNaming.stringLiteral(KurentoModules.wirePrefix(of: module.name)),
                          fields: fields, initParams: fields.map(\.initParam).joined(separator: ", "),
                          hasFields: !fields.isEmpty)
    }

    private func eventView(_ e: Event) -> EventView {
        let properties = schema.allProperties(ofEvent: e.qualifiedName)
        let fields = properties.map(fieldView)
        let chain = [e.qualifiedName] + schema.ancestors(ofEvent: e.qualifiedName).map(\.qualifiedName)
        let raiseBase = QualifiedName(module: "core", name: "RaiseBase")
        let media = QualifiedName(module: "core", name: "Media")
        let hasRaiseBase = chain.contains(raiseBase)
        // Fields the convenience init fills itself.
        var filled: [String: String] = [
            "source": "ObjectReference(source)",
            "timestampMillis": "KurentoTimestamp.nowMillis()",
            "tags": "[]",
        ]
        if chain.contains(media) { filled["type"] = SwiftNaming.stringLiteral(e.name) }
        let own = properties.filter { filled[$0.name] == nil }
        let params = ["source: any RemoteObject"] + own.map { fieldView($0).initParam }
        let arguments = properties.map { p in
            "\(SwiftNaming.argumentLabel(p.name)): \(filled[p.name] ?? "_" + SwiftNaming.rawMemberName(p.name))"
        }
        return EventView(doc: DocComment.render(e.doc, indent: ""), name: SwiftTypeMapper.eventName(e.name),
                         kmdNameLiteral: SwiftNaming.stringLiteral(e.name), fields: fields,
                         initParams: fields.map(\.initParam).joined(separator: ", "), hasFields: !fields.isEmpty,
                         hasRaiseBase: hasRaiseBase, raiseInitParams: params.joined(separator: ", "),
                         raiseInitArguments: arguments.joined(separator: ", "))
    }

    // MARK: Classes

    private func classView(_ c: RemoteClass) -> ClassView {
        let name = SwiftNaming.typeName(c.name)
        let ancestors = schema.ancestors(ofClass: c.qualifiedName)
        let (requirements, cases) = members(of: c)
        let parentGlue = c.extends.map { types.glueName($0) }
        let ctorArgs = (c.constructor?.params ?? []).map { p in
            "\(SwiftNaming.argumentLabel(p.name)): \(types.decode(p, from: "params", api: true).expression)"
        }
        let implementationName = SwiftNaming.rawMemberName(c.name) + "Type"
        let events = Set(schema.allEvents(ofClass: c.qualifiedName).map(\.name)).sorted()
        return ClassView(
            doc: DocComment.render(c.doc, indent: ""),
            name: name,
            kmdNameLiteral: SwiftNaming.stringLiteral(c.name),
            parentProtocol: c.extends.map { types.className($0) } ?? "RemoteObject",
            isConcrete: !c.isAbstract,
            initRequirement: c.isAbstract ? "" : initDeclaration(c.constructor?.params ?? []),
            requirements: requirements,
            glueName: SwiftNaming.typeName(c.name) + "Glue",
            moduleLiteral: SwiftNaming.stringLiteral(module.name),
            qualifiedTypeLiteral: SwiftNaming.stringLiteral(c.qualifiedName.wireName),
            hierarchyLiteral: "[" + ancestors.map { SwiftNaming.stringLiteral($0.qualifiedName.wireName) }.joined(separator: ", ") + "]",
            eventTypesLiteral: events.isEmpty ? "[]" : "[" + events.map(SwiftNaming.stringLiteral).joined(separator: ", ") + "]",
            cases: cases,
            hasCases: !cases.isEmpty,
            fallback: parentGlue.map { "return try await \($0).invoke(target, operation: operation, params: params)" }
                ?? "throw unknownOperation(operation, params)",
            implementationName: implementationName,
            parentArgument: (c.constructor?.params ?? []).first { p in
                if case .remoteClass = p.type.base, p.type.container == .none { return true }
                return false
            }.map { ", parentParameter: \(SwiftNaming.stringLiteral($0.name))" } ?? "",
            factoryCall: "try await \(implementationName).init(" + Self.argumentList(["objectContext: context"] + ctorArgs, indent: "                ") + ")",
            emitters: c.events.map { EmitterView(eventType: types.eventTypeName($0.value)) },
            hasEmitters: !c.events.isEmpty)
    }

    /// The protocol requirements of a class's own methods and property accessors, and the matching cases of
    /// its glue's dispatch.
    func members(of c: RemoteClass) -> (requirements: [RequirementView], cases: [DispatchCaseView]) {
        var requirements: [RequirementView] = []
        var cases: [DispatchCaseView] = []
        let overloaded = Set(Dictionary(grouping: c.methods, by: \.name).filter { $0.value.count > 1 }.keys)
        for m in c.methods {
            requirements.append(RequirementView(doc: DocComment.method(m), declaration: methodDeclaration(m)))
            var pattern = SwiftNaming.stringLiteral(m.name)
            if overloaded.contains(m.name) { pattern += " where params.count == \(m.params.count)" }
            cases.append(DispatchCaseView(pattern: pattern, body: callBody(
                "object.\(SwiftNaming.memberName(m.name))", m.params, returns: m.returnType)))
        }
        for p in c.properties {
            let cap = p.name.prefix(1).uppercased() + p.name.dropFirst()
            let getter = SwiftNaming.escaped("get" + cap)
            requirements.append(RequirementView(
                doc: DocComment.render(p.doc, indent: "    "),
                declaration: "func \(getter)() async throws -> \(returnType(p.type))"))
            cases.append(DispatchCaseView(pattern: SwiftNaming.stringLiteral("get" + cap),
                                          body: callBody("object.\(getter)", [], returns: p.type)))
            guard p.hasSetter else { continue }
            // The setter's param is the property itself, required, under the property's name.
            var value = p
            value.isOptional = false
            value.defaultValue = nil
            let setter = SwiftNaming.escaped("set" + cap)
            let decoded = types.decode(value, from: "params", api: true)
            requirements.append(RequirementView(doc: "", declaration: "func \(setter)(_ value: \(decoded.type)) async throws"))
            cases.append(DispatchCaseView(pattern: SwiftNaming.stringLiteral("set" + cap),
                                          body: ["try await object.\(setter)(\(decoded.expression))", "return .null"]))
        }
        return (requirements, cases)
    }

    /// What a starter implementation of each concrete class must define: its init and every requirement of
    /// its protocol and of the protocols it refines.
    func starterViews() -> [StarterView] {
        module.remoteClasses.filter { !$0.isAbstract }.map { c in
            let chain = [c] + schema.ancestors(ofClass: c.qualifiedName)
            let members = chain.flatMap { self.members(of: $0).requirements }.map { r in
                StarterMemberView(declaration: r.declaration,
                                  body: "throw KurentoError.notImplemented(\(SwiftNaming.stringLiteral(c.name + "." + Self.baseName(r.declaration))))")
            }
            return StarterView(header: GeneratedHeader.starter(for: module), imports: ["KurentoRuntime"] + types.importedSwiftModules,
                               className: SwiftNaming.typeName(c.name), protocolName: SwiftNaming.typeName(c.name),
                               initDeclaration: initDeclaration(c.constructor?.params ?? [], internalNames: true), members: members)
        }
    }

    /// `func showText(…)` → `showText`.
    private static func baseName(_ declaration: String) -> String {
        let afterFunc = declaration.dropFirst("func ".count)
        return String(afterFunc.prefix { $0 != "(" }).replacingOccurrences(of: "`", with: "")
    }

    /// One argument inline, several one per line (at `indent` + 4, closing at `indent`).
    static func argumentList(_ args: [String], indent: String) -> String {
        guard args.count > 1 else { return args.joined() }
        return "\n" + args.map { indent + "    " + $0 }.joined(separator: ",\n") + "\n" + indent
    }

    /// Returns of remote-class type may be null in Kurento, so they are optional.
    private func returnType(_ t: TypeRef) -> String {
        let type = types.apiType(t)
        return types.isLiveObject(t) && t.container == .none ? "(\(type))?" : type
    }

    /// Params of a declaration. With `internalNames`, each param gets an internal name `_<name>`, so that a
    /// body can use `self` even when a kmd param is called `self`.
    private func paramList(_ params: [Property], internalNames: Bool = false) -> String {
        params.map { p in
            let label = SwiftNaming.parameterLabel(p.name)
            let type = types.decode(p, from: "params", api: true).type
            return internalNames ? "\(label) _\(SwiftNaming.rawMemberName(p.name)): \(type)" : "\(label): \(type)"
        }.joined(separator: ", ")
    }

    private func methodDeclaration(_ m: Method) -> String {
        let result = m.returnType.map { " -> " + returnType($0) } ?? ""
        return "func \(SwiftNaming.memberName(m.name))(\(paramList(m.params))) async throws\(result)"
    }

    private func initDeclaration(_ params: [Property], internalNames: Bool = false) -> String {
        let context = internalNames ? "objectContext _objectContext: ObjectContext" : "objectContext: ObjectContext"
        let list = ([context] + (params.isEmpty ? [] : [paramList(params, internalNames: internalNames)])).joined(separator: ", ")
        return "init(\(list)) async throws"
    }


    private func callBody(_ callee: String, _ params: [Property], returns: TypeRef?) -> [String] {
        let args = params.map { "\(SwiftNaming.argumentLabel($0.name)): \(types.decode($0, from: "params", api: true).expression)" }
        let call = "try await \(callee)(\(Self.argumentList(args, indent: "                ")))"
        guard let returns else { return [call, "return .null"] }
        return ["let result = \(call)", "return \(types.encode("result", returns, api: true))"]
    }
}
