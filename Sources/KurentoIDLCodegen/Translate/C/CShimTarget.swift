import KurentoIDL

/// `c-shim`: per module a header (`<module>.h`) and a json-c marshalling source (`<module>.c`) for
/// implementing the module in C. SwiftPM build plugins cannot emit C, so these come from the CLI and are
/// committed beside the C code that uses them.
enum CShimTarget {
    static func generate(_ schema: Schema, options: GenerationOptions) throws(GenerationError) -> [GeneratedFile] {
        let templates = try TemplateSet(target: GenerationTarget.cShim.rawValue, overrides: options.templatesDirectory)
        var files: [GeneratedFile] = []
        for module in schema.inputModules.compactMap({ schema.modules[$0] }) {
            let (header, source) = CShimTranslator(schema: schema, module: module).translate()
            files.append(GeneratedFile(path: CShimTranslator.headerFile(module), contents: try templates.render("header", header)))
            files.append(GeneratedFile(path: CShimTranslator.sourceFile(module), contents: try templates.render("source", source)))
        }
        return files
    }
}
