import KurentoIDL

/// Markdown API reference: one page per input module (`<module>.md`) and one index of them (`index.md`),
/// all in one folder so that pages link to each other. References in doc text that resolve to nothing are
/// reported as warnings.
enum DocsTarget {
    static let indexFileName = "index.md"

    static func generate(_ schema: Schema, options: GenerationOptions,
                         diagnostics: inout Diagnostics) throws(GenerationError) -> [GeneratedFile] {
        let templates = try TemplateSet(target: GenerationTarget.docs.rawValue, overrides: options.templatesDirectory)
        let resolver = DocReferenceResolver(schema: schema)
        let modules = schema.inputModules.compactMap { schema.modules[$0] }
        var files: [GeneratedFile] = []
        for module in modules {
            let view = DocsTranslator(schema: schema, module: module, resolver: resolver).view(diagnostics: &diagnostics)
            files.append(GeneratedFile(path: DocAnchors.page(of: module.name), contents: try templates.render("module", view)))
        }
        let index = DocsIndexView(header: DocsHeader.index(for: modules), rows: modules.map(indexRow))
        files.append(GeneratedFile(path: indexFileName, contents: try templates.render("index", index)))
        return files
    }

    /// `| [`core`](core.md) | `1.0.0` | 10 | 4 | 7 | 11 |`
    private static func indexRow(_ m: Module) -> String {
        let cells = [
            "[\(MarkdownText.codeSpan(m.name))](\(DocAnchors.page(of: m.name)))",
            MarkdownText.codeSpan(m.version),
            String(m.remoteClasses.count),
            String(m.complexTypes.count { $0.kind == .record }),
            String(m.complexTypes.count { $0.kind == .enumeration }),
            String(m.events.count),
        ]
        return "| " + cells.joined(separator: " | ") + " |"
    }
}
