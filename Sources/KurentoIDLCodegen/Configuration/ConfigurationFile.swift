import Foundation
import KurentoIDL
import Yams

/// Reads `kidlc.yaml`: the settings of `kidlc generate`, under the same names as its flags.
///
/// ```yaml
/// inputs: [idl/demo]
/// importPaths: [idl]
/// targets: [swift-server]
/// output: Generated/swift-server
/// access: public
/// swiftModules:
///   demo: KurentoDemo
/// clean: true
/// ```
///
/// Relative paths are relative to the file's folder. Unknown keys and values of the wrong type are errors
/// with their line and column; every problem of the file is reported, not only the first.
public enum ConfigurationFile {
    /// The file used when `--config` is not given, if the working directory has it.
    public static let defaultName = "kidlc.yaml"

    /// Reads and parses the file at `path`.
    public static func load(_ path: String) throws(ConfigurationError) -> GenerateSettings {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            throw ConfigurationError(exists ? (isFolder.boolValue ? "configuration file '\(path)' is a folder"
                                                                  : "cannot read configuration file '\(path)'")
                                            : "configuration file '\(path)' does not exist")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError("configuration file '\(path)' is not UTF-8 text",
                                     at: SourceLocation(file: path, line: 1, column: 1))
        }
        return try parse(text, path: path)
    }

    /// Parses the text of a configuration file; `path` names it in messages and its folder anchors relative paths.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> GenerateSettings {
        var reader = Reader(path: path)
        let settings = reader.read(text)
        if !reader.problems.isEmpty { throw ConfigurationError(reader.problems) }
        return settings
    }

    /// `path` relative to the folder of the configuration file `file`, unless it is absolute.
    public static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        let folder = (file as NSString).deletingLastPathComponent
        if folder.isEmpty || folder == "." { return path }
        if path == "." { return folder }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }
}

/// Walks the composed YAML tree, collecting problems.
private struct Reader {
    let path: String
    var problems: [ConfigurationError.Problem] = []

    init(path: String) {
        self.path = path
    }

    mutating func read(_ text: String) -> GenerateSettings {
        var settings = GenerateSettings()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            problems.append(Self.problem(error, path: path))
            return settings
        } catch {
            problems.append(.init("cannot parse \(path): \(error)"))
            return settings
        }
        guard let root else { return settings }  // an empty file sets nothing
        guard let mapping = root.mapping else {
            if root.scalar.map({ $0.tag == Tag(.null) }) == true { return settings }
            problems.append(.init("the configuration must be a mapping of settings (key: value), not \(Self.kind(of: root))",
                                  at: location(root)))
            return settings
        }
        let keys = GenerateSettings.Key.allCases.map(\.rawValue)
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string, let key = GenerateSettings.Key(rawValue: name) else {
                let name = keyNode.scalar?.string ?? Self.kind(of: keyNode)
                var message = "unknown key '\(name)'"
                if let suggestion = Spelling.suggestion(for: name, among: keys) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (known keys: \(keys.joined(separator: ", ")))"
                }
                problems.append(.init(message, at: location(keyNode)))
                continue
            }
            switch key {
            case .inputs: settings.inputs = paths(value, key)
            case .importPaths: settings.importPaths = paths(value, key)
            case .targets:
                settings.targets = strings(value, key)?.compactMap { name, node in
                    checked(GenerateSettings.target(named: name), node)
                }
            case .output: settings.output = string(value, key).map { ConfigurationFile.resolve($0, relativeTo: path) }
            case .access:
                settings.access = string(value, key).flatMap { checked(GenerateSettings.access(named: $0), value) }
            case .templates:
                settings.templates = string(value, key).map { ConfigurationFile.resolve($0, relativeTo: path) }
            case .swiftModules: settings.swiftModules = swiftModules(value)
            case .clean:
                if let flag = value.scalar.flatMap({ Bool.construct(from: $0) }) {
                    settings.clean = flag
                } else {
                    problems.append(.init("'clean' must be true or false, not \(Self.kind(of: value))", at: location(value)))
                }
            }
        }
        return settings
    }

    /// A list of paths, each made relative to the file's folder.
    private mutating func paths(_ node: Node, _ key: GenerateSettings.Key) -> [String]? {
        strings(node, key)?.map { ConfigurationFile.resolve($0.0, relativeTo: path) }
    }

    /// A list of strings, with the node of each for messages.
    private mutating func strings(_ node: Node, _ key: GenerateSettings.Key) -> [(String, Node)]? {
        guard let sequence = node.sequence else {
            problems.append(.init("'\(key.rawValue)' must be a list of strings, not \(Self.kind(of: node))", at: location(node)))
            return nil
        }
        var result: [(String, Node)] = []
        for item in sequence {
            guard let text = Self.text(item) else {
                problems.append(.init("the items of '\(key.rawValue)' must be strings, not \(Self.kind(of: item))",
                                      at: location(item)))
                continue
            }
            result.append((text, item))
        }
        return result
    }

    /// A single string.
    private mutating func string(_ node: Node, _ key: GenerateSettings.Key) -> String? {
        guard let text = Self.text(node) else {
            problems.append(.init("'\(key.rawValue)' must be a string, not \(Self.kind(of: node))", at: location(node)))
            return nil
        }
        return text
    }

    private mutating func swiftModules(_ node: Node) -> [String: String]? {
        guard let mapping = node.mapping else {
            problems.append(.init("'swiftModules' must be a mapping of kmd module names to Swift module names, not \(Self.kind(of: node))",
                                  at: location(node)))
            return nil
        }
        var modules: [String: String] = [:]
        for (kmdNode, swiftNode) in mapping {
            guard let kmd = Self.text(kmdNode) else {
                problems.append(.init("the keys of 'swiftModules' must be kmd module names, not \(Self.kind(of: kmdNode))",
                                      at: location(kmdNode)))
                continue
            }
            guard let swift = Self.text(swiftNode) else {
                problems.append(.init("the Swift module of '\(kmd)' must be a string, not \(Self.kind(of: swiftNode))",
                                      at: location(swiftNode)))
                continue
            }
            if let name = checked(GenerateSettings.swiftModuleName(swift, for: kmd), swiftNode) { modules[kmd] = name }
        }
        return modules
    }

    private mutating func checked<T>(_ result: Result<T, SettingError>, _ node: Node) -> T? {
        switch result {
        case .success(let value): return value
        case .failure(let error):
            problems.append(.init(error.message, at: location(node)))
            return nil
        }
    }

    private func location(_ node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(file: path, line: $0.line, column: $0.column) }
    }

    /// The text of a scalar that is not null (numbers and booleans are taken as written).
    private static func text(_ node: Node) -> String? {
        guard let scalar = node.scalar, scalar.tag != Tag(.null) else { return nil }
        return scalar.string
    }

    /// What a node is, for messages: "a list", "a mapping", "null", "the number 3", "'text'".
    private static func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if scalar.tag == Tag(.null) { return "null" }
            if scalar.tag == Tag(.bool) { return "the boolean \(scalar.string)" }
            if scalar.tag == Tag(.int) || scalar.tag == Tag(.float) { return "the number \(scalar.string)" }
            return "'\(scalar.string)'"
        case .alias: return "an alias"
        }
    }

    private static func problem(_ error: YamlError, path: String) -> ConfigurationError.Problem {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let context = context.map { "\($0.text) at \($0.mark.line):\($0.mark.column): " } ?? ""
            return .init("YAML: \(context)\(problem)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .init("duplicate key \(keys)", at: at(context.mark))
        case let .reader(problem, _, _, _):
            return .init("YAML: \(problem)", at: SourceLocation(file: path, line: 1, column: 1))
        default:
            return .init("YAML: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
        }
    }
}
