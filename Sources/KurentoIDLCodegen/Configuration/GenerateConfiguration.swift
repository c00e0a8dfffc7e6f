import Foundation

/// The settings of one `kidlc generate` run: flags over a `kidlc.yaml` file over defaults, with where each came from.
public struct GenerateConfiguration: Sendable, Equatable {
    /// Where a setting's value came from.
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        case flag
        /// The configuration file at this path.
        case file(String)
        /// Maps only: the file's entries, overridden or extended by flags.
        case flagAndFile(String)
        case `default`

        public var description: String {
            switch self {
            case .flag: "flag"
            case .file(let path): path
            case .flagAndFile(let path): "flags over \(path)"
            case .default: "default"
            }
        }
    }

    public var inputs: [String]
    public var importPaths: [String]
    public var targets: [GenerationTarget]
    public var output: String
    public var access: AccessLevel
    public var templates: String?
    public var swiftModules: [String: String]
    public var clean: Bool
    /// The configuration file read, if any.
    public var configFile: String?
    /// Where each setting came from.
    public var origins: [GenerateSettings.Key: Origin]

    /// Combines the command line's settings with a configuration file's: a flag wins over the file, the file over
    /// the default. Lists given on the command line replace the file's lists; `swiftModules` are merged entry by
    /// entry (a flag wins for the same kmd module). Inputs, at least one target and the output folder must come
    /// from one of the two.
    public static func merge(flags: GenerateSettings, file: GenerateSettings?, filePath: String?)
        throws(ConfigurationError) -> GenerateConfiguration {
        let file = file ?? GenerateSettings()
        let fileOrigin = Origin.file(filePath ?? ConfigurationFile.defaultName)
        var origins: [GenerateSettings.Key: Origin] = [:]
        for key in GenerateSettings.Key.allCases {
            origins[key] = flags.sets(key) ? .flag : file.sets(key) ? fileOrigin : .default
        }
        var swiftModules = file.swiftModules ?? [:]
        if let fromFlags = flags.swiftModules {
            swiftModules.merge(fromFlags) { _, flag in flag }
            if file.swiftModules?.isEmpty == false, !fromFlags.isEmpty {
                origins[.swiftModules] = .flagAndFile(filePath ?? ConfigurationFile.defaultName)
            }
        }

        var problems: [ConfigurationError.Problem] = []
        let fileName = filePath.map { "'\($0)'" } ?? "a \(ConfigurationFile.defaultName) file"
        let inputs = flags.inputs ?? file.inputs ?? []
        if inputs.isEmpty {
            problems.append(.init("no input: give kmd files or folders as arguments, or 'inputs' in \(fileName)"))
        }
        var targets: [GenerationTarget] = []
        for target in flags.targets ?? file.targets ?? [] where !targets.contains(target) { targets.append(target) }
        if targets.isEmpty {
            let names = GenerationTarget.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(.init("no target: give --target (\(names)), or 'targets' in \(fileName)"))
        }
        let output = flags.output ?? file.output
        if output == nil || output?.isEmpty == true {
            problems.append(.init("no output folder: give --output DIR, or 'output' in \(fileName)"))
        }
        if !problems.isEmpty { throw ConfigurationError(problems) }

        return GenerateConfiguration(
            inputs: inputs,
            importPaths: flags.importPaths ?? file.importPaths ?? [],
            targets: targets,
            output: output ?? "",
            access: flags.access ?? file.access ?? .public,
            templates: flags.templates ?? file.templates,
            swiftModules: swiftModules,
            clean: flags.clean ?? file.clean ?? false,
            configFile: filePath,
            origins: origins)
    }

    /// What the generator needs of the configuration.
    public var generationOptions: GenerationOptions {
        GenerationOptions(targets: targets, access: access,
                          templatesDirectory: templates.map { URL(fileURLWithPath: $0, isDirectory: true) },
                          swiftModules: swiftModules)
    }

    /// One row per setting: its name in `kidlc.yaml`, its value as text, where it came from.
    public var rows: [(key: String, value: String, origin: Origin)] {
        GenerateSettings.Key.allCases.map { key in
            let value: String
            switch key {
            case .inputs: value = inputs.joined(separator: " ")
            case .importPaths: value = importPaths.isEmpty ? "(none)" : importPaths.joined(separator: " ")
            case .targets: value = targets.map(\.rawValue).joined(separator: " ")
            case .output: value = output
            case .access: value = access.rawValue
            case .templates: value = templates ?? "(built-in)"
            case .swiftModules:
                value = swiftModules.isEmpty ? "(defaults)"
                    : swiftModules.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            case .clean: value = String(clean)
            }
            return (key.rawValue, value, origins[key] ?? .default)
        }
    }

    /// Rows as aligned text, one line each: `  output        Generated  (kidlc.yaml)`.
    public static func format(_ rows: [(key: String, value: String, origin: Origin)]) -> String {
        let keyWidth = rows.map(\.key.count).max() ?? 0
        let valueWidth = rows.map(\.value.count).max() ?? 0
        return rows.map { row in
            "  " + row.key.padded(to: keyWidth) + "  " + row.value.padded(to: valueWidth) + "  (\(row.origin))\n"
        }.joined()
    }
}

private extension String {
    func padded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
