import KurentoIDL

/// Starter implementations: one file per concrete class, conforming to its protocol with every member
/// throwing `NOT_IMPLEMENTED`. Written once, never overwritten.
enum SwiftImplStarterTarget {
    static func generate(_ schema: Schema, options: GenerationOptions) throws(GenerationError) -> [GeneratedFile] {
        let templates = try TemplateSet(target: "swift-impl-starter", overrides: options.templatesDirectory)
        var result: [GeneratedFile] = []
        for name in schema.inputModules {
            guard let module = schema.modules[name] else { continue }
            let server = SwiftServerTranslator(schema: schema, module: module, options: options)
            for view in server.starterViews() {
                result.append(GeneratedFile(path: "\(view.className)Impl.swift",
                                            contents: try templates.render("starter", view), isStarter: true))
            }
        }
        return result
    }
}
