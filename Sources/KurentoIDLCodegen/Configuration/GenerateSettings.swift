/// The settings of `kidlc generate` that come from one source — the command line or a `kidlc.yaml` file — each
/// nil when that source does not set it. `GenerateConfiguration.merge` combines two of them with the defaults.
public struct GenerateSettings: Sendable, Equatable {
    /// Kmd files or folders to generate code for.
    public var inputs: [String]?
    /// Files or folders that hold the imported modules (`-I`).
    public var importPaths: [String]?
    public var targets: [GenerationTarget]?
    /// The output folder.
    public var output: String?
    public var access: AccessLevel?
    /// A folder of templates that override the built-in ones.
    public var templates: String?
    /// Swift module of a kmd module, by kmd module name.
    public var swiftModules: [String: String]?
    /// Delete files an earlier run generated and this one no longer does.
    public var clean: Bool?

    public init(inputs: [String]? = nil, importPaths: [String]? = nil, targets: [GenerationTarget]? = nil,
                output: String? = nil, access: AccessLevel? = nil, templates: String? = nil,
                swiftModules: [String: String]? = nil, clean: Bool? = nil) {
        self.inputs = inputs
        self.importPaths = importPaths
        self.targets = targets
        self.output = output
        self.access = access
        self.templates = templates
        self.swiftModules = swiftModules
        self.clean = clean
    }

    /// The settings, by their name in `kidlc.yaml`.
    public enum Key: String, Sendable, Hashable, CaseIterable {
        case inputs, importPaths, targets, output, access, templates, swiftModules, clean

        /// The command-line form of the setting.
        public var flag: String {
            switch self {
            case .inputs: "PATH…"
            case .importPaths: "-I"
            case .targets: "--target"
            case .output: "--output"
            case .access: "--access"
            case .templates: "--templates"
            case .swiftModules: "--swift-module"
            case .clean: "--clean"
            }
        }
    }

    /// Whether this source sets `key`.
    public func sets(_ key: Key) -> Bool {
        switch key {
        case .inputs: inputs != nil
        case .importPaths: importPaths != nil
        case .targets: targets != nil
        case .output: output != nil
        case .access: access != nil
        case .templates: templates != nil
        case .swiftModules: swiftModules != nil
        case .clean: clean != nil
        }
    }
}

extension GenerateSettings {
    /// A target by name, or a message with a did-you-mean.
    public static func target(named name: String) -> Result<GenerationTarget, SettingError> {
        if let target = GenerationTarget(rawValue: name) { return .success(target) }
        return .failure(SettingError(unknown: "target", name, among: GenerationTarget.allCases.map(\.rawValue)))
    }

    /// An access level by name, or a message with a did-you-mean.
    public static func access(named name: String) -> Result<AccessLevel, SettingError> {
        if let access = AccessLevel(rawValue: name) { return .success(access) }
        return .failure(SettingError(unknown: "access level", name, among: AccessLevel.allCases.map(\.rawValue)))
    }

    /// `KMD=SWIFT` (as `--swift-module` takes it) split into the kmd module and the Swift module.
    public static func swiftModule(_ text: String) -> Result<(kmd: String, swift: String), SettingError> {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex,
              text.index(after: equals) != text.endIndex else {
            return .failure(SettingError("'\(text)' is not KMD=SWIFT, a kmd module name and a Swift module name"))
        }
        let kmd = String(text[..<equals]), swift = String(text[text.index(after: equals)...])
        if case .failure(let error) = swiftModuleName(swift, for: kmd) { return .failure(error) }
        return .success((kmd, swift))
    }

    /// Checks that `name` can name a Swift module.
    public static func swiftModuleName(_ name: String, for kmd: String) -> Result<String, SettingError> {
        let scalars = Array(name.unicodeScalars)
        let isIdentifier = scalars.first.map { $0 == "_" || isLetter($0) } == true
            && scalars.allSatisfy { $0 == "_" || isLetter($0) || ("0"..."9").contains($0) }
        guard isIdentifier else {
            return .failure(SettingError("'\(name)' (the Swift module of '\(kmd)') is not a Swift identifier"))
        }
        return .success(name)
    }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
}
