import Testing
@testable import KurentoIDLCodegen

/// Flags over the configuration file over defaults.
@Suite struct GenerateConfigurationTests {
    static let file = GenerateSettings(
        inputs: ["cfg/idl/demo"], importPaths: ["cfg/idl"], targets: [.swiftServer], output: "cfg/Generated",
        access: .internal, templates: "cfg/templates", swiftModules: ["demo": "Demo", "other": "Other"], clean: true)

    @Test func flagsWinOverTheFile() throws {
        let flags = GenerateSettings(inputs: ["plugin"], targets: [.swiftImplStarter], access: .public,
                                     swiftModules: ["demo": "KurentoDemo"], clean: false)
        let configuration = try GenerateConfiguration.merge(flags: flags, file: Self.file, filePath: "cfg/kidlc.yaml")
        #expect(configuration.inputs == ["plugin"])
        #expect(configuration.importPaths == ["cfg/idl"])
        #expect(configuration.targets == [.swiftImplStarter])
        #expect(configuration.output == "cfg/Generated")
        #expect(configuration.access == .public)
        #expect(configuration.templates == "cfg/templates")
        #expect(configuration.swiftModules == ["demo": "KurentoDemo", "other": "Other"])
        #expect(configuration.clean == false)
        #expect(configuration.origins == [
            .inputs: .flag, .importPaths: .file("cfg/kidlc.yaml"), .targets: .flag, .output: .file("cfg/kidlc.yaml"),
            .access: .flag, .templates: .file("cfg/kidlc.yaml"), .swiftModules: .flagAndFile("cfg/kidlc.yaml"),
            .clean: .flag,
        ])
        #expect(configuration.generationOptions.access == .public)
        #expect(configuration.generationOptions.templatesDirectory?.path.hasSuffix("cfg/templates") == true)
    }

    @Test func defaultsFillTheRest() throws {
        let flags = GenerateSettings(inputs: ["idl/demo"], targets: [.swiftServer, .swiftServer], output: "out")
        let configuration = try GenerateConfiguration.merge(flags: flags, file: nil, filePath: nil)
        #expect(configuration == GenerateConfiguration(
            inputs: ["idl/demo"], importPaths: [], targets: [.swiftServer], output: "out", access: .public,
            templates: nil, swiftModules: [:], clean: false, configFile: nil,
            origins: [.inputs: .flag, .importPaths: .default, .targets: .flag, .output: .flag, .access: .default,
                      .templates: .default, .swiftModules: .default, .clean: .default]))
        let rows = configuration.rows
        #expect(rows.map(\.key) == GenerateSettings.Key.allCases.map(\.rawValue))
        #expect(GenerateConfiguration.format(Array(rows.prefix(2)))
                == "  inputs       idl/demo  (flag)\n  importPaths  (none)    (default)\n")
    }

    @Test func inputsTargetsAndOutputAreRequired() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try GenerateConfiguration.merge(flags: GenerateSettings(), file: GenerateSettings(), filePath: "kidlc.yaml")
        }
        #expect(error?.problems.map(\.message) == [
            "no input: give kmd files or folders as arguments, or 'inputs' in 'kidlc.yaml'",
            "no target: give --target (swift-server, swift-impl-starter, swift-client, docs, c-shim), or 'targets' in 'kidlc.yaml'",
            "no output folder: give --output DIR, or 'output' in 'kidlc.yaml'",
        ])
    }

    @Test func flagValuesAreChecked() throws {
        #expect(try GenerateSettings.target(named: "swift-server").get() == .swiftServer)
        #expect(throws: SettingError.self) { try GenerateSettings.target(named: "swift").get() }
        #expect(try GenerateSettings.access(named: "package").get() == .package)
        let module = try GenerateSettings.swiftModule("demo=KurentoDemo").get()
        #expect(module.kmd == "demo" && module.swift == "KurentoDemo")
        for bad in ["demo", "=Demo", "demo=", "demo=Kurento-Demo"] {
            #expect(throws: SettingError.self) { try GenerateSettings.swiftModule(bad).get() }
        }
    }
}
