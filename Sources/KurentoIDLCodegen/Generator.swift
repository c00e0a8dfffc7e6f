import Foundation
import KurentoIDL

/// From a validated schema to the files of every requested target, for each input module.
/// Pure: reads templates, writes nothing (the `OutputWriter` does that).
public enum Generator {
    public static func generate(_ schema: Schema, options: GenerationOptions) throws(GenerationError) -> [GeneratedFile] {
        var diagnostics = Diagnostics()
        return try generate(schema, options: options, diagnostics: &diagnostics)
    }

    /// The same, collecting the warnings generation finds (unresolved references in doc text, for `docs`).
    public static func generate(_ schema: Schema, options: GenerationOptions,
                                diagnostics: inout Diagnostics) throws(GenerationError) -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for target in Set(options.targets).sorted() {
            switch target {
            case .swiftServer: files += try SwiftServerTarget.generate(schema, options: options)
            case .swiftImplStarter: files += try SwiftImplStarterTarget.generate(schema, options: options)
            case .swiftClient: files += try SwiftClientTarget.generate(schema, options: options)
            case .docs: files += try DocsTarget.generate(schema, options: options, diagnostics: &diagnostics)
            case .cShim: files += try CShimTarget.generate(schema, options: options)
            }
        }
        if options.layout == .fixed {
            files = try FixedLayout.arrange(files, modules: schema.inputModules.compactMap { schema.modules[$0] },
                                            targets: options.targets)
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// Protocols, value types, events, glue and the module type: five files per module.
enum SwiftServerTarget {
    static let files: [(template: String, suffix: String)] = [
        ("types", "ServerTypes"), ("events", "ServerEvents"), ("classes", "ServerClasses"),
        ("glue", "ServerGlue"), ("module", "ServerModule"),
    ]

    static func fileNames(forModule name: String) -> [String] {
        files.map { "\(SwiftNaming.upperCamel(name))\($0.suffix).swift" }
    }

    static func generate(_ schema: Schema, options: GenerationOptions) throws(GenerationError) -> [GeneratedFile] {
        let templates = try TemplateSet(target: GenerationTarget.swiftServer.rawValue, overrides: options.templatesDirectory)
        var result: [GeneratedFile] = []
        let modules = schema.inputModules.compactMap { schema.modules[$0] }
        for module in modules {
            let view = SwiftServerTranslator(schema: schema, module: module, options: options).view()
            for (template, fileName) in zip(files.map(\.template), fileNames(forModule: module.name)) {
                result.append(GeneratedFile(path: fileName, contents: try templates.render(template, view)))
            }
        }
        let entry = EntryView(header: GeneratedHeader.swift(forModules: modules), access: options.access.rawValue,
                              moduleTypes: modules.map { SwiftTypeMapper.moduleTypeName($0) })
        result.append(GeneratedFile(path: entryFileName, contents: try templates.render("entry", entry)))
        return result
    }

    /// One per run: the shared library's entry point, listing every module generated together.
    static let entryFileName = "KidlServerEntry.swift"

    struct EntryView {
        var header: String
        var access: String
        var moduleTypes: [String]
    }
}
