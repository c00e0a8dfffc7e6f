import KurentoIDL

/// One module's API reference page: the model turned into the Markdown pieces of `DocsPageView`.
struct DocsTranslator {
    let schema: Schema
    let module: Module
    let resolver: DocReferenceResolver
    private let anchors: DocAnchors
    private let text: DocTextRenderer

    init(schema: Schema, module: Module, resolver: DocReferenceResolver) {
        self.schema = schema
        self.module = module
        self.resolver = resolver
        self.anchors = resolver.anchors(of: module.name) ?? DocAnchors(module)
        self.text = DocTextRenderer(resolver: resolver, pageModule: module.name)
    }

    func view(diagnostics: inout Diagnostics) -> DocsPageView {
        let classes = module.remoteClasses.map { classEntry($0, &diagnostics) }
        let records = module.complexTypes.filter { $0.kind == .record }.map { recordEntry($0, &diagnostics) }
        let enums = module.complexTypes.filter { $0.kind == .enumeration }.map { enumEntry($0, &diagnostics) }
        let events = module.events.map { eventEntry($0, &diagnostics) }
        let sections = [("Remote classes", classes), ("Records", records), ("Enums", enums), ("Events", events)]
            .filter { !$0.1.isEmpty }
            .map { DocsSectionView(title: $0.0, entries: $0.1) }
        return DocsPageView(header: DocsHeader.page(for: module), name: module.name, facts: moduleFacts(), sections: sections)
    }

    // MARK: Module

    private func moduleFacts() -> [String] {
        var facts = ["- Version: \(MarkdownText.codeSpan(module.version))",
                     "- Kurento version: \(MarkdownText.codeSpan(module.kurentoVersion))"]
        let imports = module.imports.map {
            "[\(MarkdownText.codeSpan($0.name))](\(DocAnchors.page(of: $0.name))) \(MarkdownText.codeSpan($0.version))"
        }
        facts.append("- Imports: " + (imports.isEmpty ? "none" : imports.joined(separator: ", ")))
        func list(_ title: String, _ names: [String]) {
            guard !names.isEmpty else { return }
            facts.append("- \(title): " + names.map { "[\(MarkdownText.codeSpan($0))](#\($0))" }.joined(separator: ", "))
        }
        list("Remote classes", module.remoteClasses.map(\.name))
        list("Records", module.complexTypes.filter { $0.kind == .record }.map(\.name))
        list("Enums", module.complexTypes.filter { $0.kind == .enumeration }.map(\.name))
        list("Events", module.events.map(\.name))
        facts.append("- All modules: [index](index.md)")
        return facts
    }

    // MARK: Declarations

    private func classEntry(_ c: RemoteClass, _ diags: inout Diagnostics) -> DocsEntryView {
        var facts = ["- Kind: \(c.isAbstract ? "abstract remote class" : "remote class")"]
        let ancestors = schema.ancestors(ofClass: c.qualifiedName).map(\.qualifiedName)
        if !ancestors.isEmpty { facts.append("- Extends: " + ancestors.map(link).joined(separator: " → ")) }
        if !c.events.isEmpty { facts.append("- Events: " + c.events.map { link($0.value) }.joined(separator: ", ")) }
        let context = DocContext(module: module.name, owner: c.qualifiedName)
        let owner = anchors.owners[c.name]
        var members: [DocsMemberView] = []
        if let constructor = c.constructor {
            let signature = "\(c.name)(\(Self.paramList(constructor.params)))"
            members.append(DocsMemberView(
                anchor: owner?.constructor ?? "\(c.name).constructor",
                heading: "Constructor \(MarkdownText.codeSpan(signature))",
                doc: doc(constructor.doc, constructor.docLocation, context, "the constructor of '\(c.name)'", &diags),
                items: constructor.params.map { paramItem($0, context, "the constructor of '\(c.name)'", &diags) }))
        }
        for p in c.properties {
            var items = ["- Type: \(type(p.type))",
                         "- Access: " + (p.isFinal ? "final (set by the constructor; no setter)" : p.isReadOnly ? "read-only" : "read-write")]
            if let value = p.defaultValue { items.append("- Default: \(MarkdownText.codeSpan(JSONWriter.writeCompact(value, sortKeys: false)))") }
            members.append(DocsMemberView(
                anchor: owner?.properties[p.name] ?? "\(c.name).\(p.name)",
                heading: "Property \(MarkdownText.codeSpan(p.name))",
                doc: doc(p.doc, p.docLocation, context, "property '\(c.name).\(p.name)'", &diags),
                items: items))
        }
        for (index, m) in c.methods.enumerated() {
            let what = "method '\(c.name).\(m.name)'"
            var items = m.params.map { paramItem($0, context, what, &diags) }
            if let returnType = m.returnType {
                let returnDoc = text.render(m.returnDoc, of: .init(context: context, what: "the return of \(what)", location: m.returnDocLocation),
                                            diags: &diags)
                items.append(Self.item("- Returns \(type(returnType))", returnDoc))
            }
            let methodAnchors = owner?.methods ?? []
            members.append(DocsMemberView(
                anchor: index < methodAnchors.count ? methodAnchors[index] : "\(c.name).\(m.name)",
                heading: "Method \(MarkdownText.codeSpan("\(m.name)(\(Self.paramList(m.params)))"))",
                doc: doc(m.doc, m.docLocation, context, what, &diags),
                items: items))
        }
        return DocsEntryView(anchor: c.name, name: c.name, facts: facts,
                             doc: doc(c.doc, c.docLocation, context, "class '\(c.name)'", &diags),
                             items: [], members: members)
    }

    private func recordEntry(_ t: ComplexType, _ diags: inout Diagnostics) -> DocsEntryView {
        var facts = ["- Kind: record"]
        let ancestors = schema.ancestors(ofComplexType: t.qualifiedName)
        if !ancestors.isEmpty {
            facts.append("- Extends: " + ancestors.map { link($0.qualifiedName) }.joined(separator: " → "))
            let inherited = ancestors.reversed().flatMap { a in a.properties.map { (a.qualifiedName, $0.name) } }
            if !inherited.isEmpty { facts.append("- Inherited fields: " + inherited.map(memberLink).joined(separator: ", ")) }
        }
        let context = DocContext(module: module.name, owner: t.qualifiedName)
        let items = t.properties.map { p in
            fieldItem("Field", p, owner: t.name, context, "field '\(t.name).\(p.name)'", &diags)
        }
        return DocsEntryView(anchor: t.name, name: t.name, facts: facts,
                             doc: doc(t.doc, t.docLocation, context, "record '\(t.name)'", &diags), items: items, members: [])
    }

    private func enumEntry(_ t: ComplexType, _ diags: inout Diagnostics) -> DocsEntryView {
        let context = DocContext(module: module.name, owner: t.qualifiedName)
        let values = anchors.owners[t.name]?.values ?? [:]
        let items = t.values.map { v in
            "- <a id=\"\(values[v.value] ?? "\(t.name).\(v.value)")\"></a>Value \(MarkdownText.codeSpan(v.value))"
        }
        return DocsEntryView(anchor: t.name, name: t.name, facts: ["- Kind: enum"],
                             doc: doc(t.doc, t.docLocation, context, "enum '\(t.name)'", &diags), items: items, members: [])
    }

    private func eventEntry(_ e: Event, _ diags: inout Diagnostics) -> DocsEntryView {
        var facts = ["- Kind: event"]
        let ancestors = schema.ancestors(ofEvent: e.qualifiedName)
        if !ancestors.isEmpty {
            facts.append("- Extends: " + ancestors.map { link($0.qualifiedName) }.joined(separator: " → "))
            let inherited = ancestors.reversed().flatMap { a in a.properties.map { (a.qualifiedName, $0.name) } }
            if !inherited.isEmpty { facts.append("- Inherited properties: " + inherited.map(memberLink).joined(separator: ", ")) }
        }
        let context = DocContext(module: module.name, owner: e.qualifiedName)
        let items = e.properties.map { p in
            fieldItem("Property", p, owner: e.name, context, "property '\(p.name)' of event '\(e.name)'", &diags)
        }
        return DocsEntryView(anchor: e.name, name: e.name, facts: facts,
                             doc: doc(e.doc, e.docLocation, context, "event '\(e.name)'", &diags), items: items, members: [])
    }

    // MARK: Pieces

    private func doc(_ doc: String?, _ location: SourceLocation?, _ context: DocContext, _ what: String,
                     _ diags: inout Diagnostics) -> [String] {
        let lines = text.render(doc, of: .init(context: context, what: what, location: location), diags: &diags)
        return lines.isEmpty ? [] : [lines.joined(separator: "\n")]
    }

    private func paramItem(_ p: Property, _ context: DocContext, _ what: String, _ diags: inout Diagnostics) -> String {
        let lines = text.render(p.doc, of: .init(context: context, what: "param '\(p.name)' of \(what)", location: p.docLocation),
                                diags: &diags)
        return Self.item("- Param \(MarkdownText.codeSpan(p.name)): \(type(p.type))\(optionality(p))", lines)
    }

    private func fieldItem(_ word: String, _ p: Property, owner: String, _ context: DocContext, _ what: String,
                           _ diags: inout Diagnostics) -> String {
        let lines = text.render(p.doc, of: .init(context: context, what: what, location: p.docLocation), diags: &diags)
        let anchor = anchors.owners[owner]?.properties[p.name] ?? "\(owner).\(p.name)"
        return Self.item("- <a id=\"\(anchor)\"></a>\(word) \(MarkdownText.codeSpan(p.name)): \(type(p.type))\(optionality(p))", lines)
    }

    private func optionality(_ p: Property) -> String {
        guard p.isOptional else { return "" }
        guard let value = p.defaultValue else { return ", optional" }
        return ", optional, default \(MarkdownText.codeSpan(JSONWriter.writeCompact(value, sortKeys: false)))"
    }

    /// A list item: the first doc line after ` — `, the others indented under the item.
    static func item(_ head: String, _ doc: [String]) -> String {
        guard let first = doc.first else { return head }
        return ([head + " — " + first] + doc.dropFirst().map { $0.isEmpty ? "" : "  " + $0 }).joined(separator: "\n")
    }

    /// `sink, mediaType?`: optional params marked.
    static func paramList(_ params: [Property]) -> String {
        params.map { $0.name + ($0.isOptional ? "?" : "") }.joined(separator: ", ")
    }

    /// A type as written in kmd, linked to its declaration: [`Caption[]`](#Caption), `int<>`.
    func type(_ t: TypeRef) -> String {
        let suffix = t.container.rawValue
        switch t.base {
        case .primitive(let p): return MarkdownText.codeSpan(p.rawValue + suffix)
        case .unresolved(let s): return MarkdownText.codeSpan(s + suffix)
        case .remoteClass(let q), .record(let q), .enumeration(let q), .event(let q):
            return "[\(MarkdownText.codeSpan(displayName(q) + suffix))](\(DocAnchors.href(q.name, in: q.module, from: module.name)))"
        }
    }

    private func link(_ q: QualifiedName) -> String {
        "[\(MarkdownText.codeSpan(displayName(q)))](\(DocAnchors.href(q.name, in: q.module, from: module.name)))"
    }

    private func memberLink(_ owner: QualifiedName, _ name: String) -> String {
        let anchor = resolver.anchors(of: owner.module)?.owners[owner.name]?.properties[name] ?? "\(owner.name).\(name)"
        return "[\(MarkdownText.codeSpan(name))](\(DocAnchors.href(anchor, in: owner.module, from: module.name)))"
    }

    /// Bare for the module's own declarations and for Kurento ones it does not shadow, `module.Name` otherwise.
    private func displayName(_ q: QualifiedName) -> String {
        if q.module == module.name { return q.name }
        if KurentoModules.contains(q.module) && !declares(q.name) { return q.name }
        return q.description
    }

    private func declares(_ name: String) -> Bool {
        module.remoteClasses.contains { $0.name == name } || module.complexTypes.contains { $0.name == name }
            || module.events.contains { $0.name == name }
    }
}
