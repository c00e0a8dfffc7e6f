import KurentoIDL

/// Typed async proxies for a Kurento client: four files per module — records and enums, events (both as the
/// server has them), proxy classes, and the module type that registers the classes.
enum SwiftClientTarget {
    static let files: [(template: String, suffix: String)] = [
        ("types", "ClientTypes"), ("events", "ClientEvents"), ("classes", "ClientClasses"), ("module", "ClientModule"),
    ]

    static func fileNames(forModule name: String) -> [String] {
        files.map { "\(SwiftNaming.upperCamel(name))\($0.suffix).swift" }
    }

    static func generate(_ schema: Schema, options: GenerationOptions) throws(GenerationError) -> [GeneratedFile] {
        let templates = try TemplateSet(target: GenerationTarget.swiftClient.rawValue, overrides: options.templatesDirectory,
                                        borrowing: [(GenerationTarget.swiftServer.rawValue, ["types", "events"])])
        var result: [GeneratedFile] = []
        for module in schema.inputModules.compactMap({ schema.modules[$0] }) {
            let translator = SwiftClientTranslator(schema: schema, module: module, options: options)
            let values = translator.valuesView()
            let classes = translator.moduleView()
            let views: [Any] = [values, values, classes, classes]
            for ((template, _), (fileName, view)) in zip(files, zip(fileNames(forModule: module.name), views)) {
                result.append(GeneratedFile(path: fileName, contents: try templates.render(template, view)))
            }
        }
        return result
    }
}
