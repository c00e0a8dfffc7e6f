import KurentoIDL

/// A setting that has no valid value: an unknown target or access level, a malformed `--swift-module`.
public struct SettingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    /// "unknown target 'swift-sever'; did you mean 'swift-server'? (one of: swift-impl-starter, swift-server)"
    init(unknown what: String, _ name: String, among candidates: [String]) {
        var message = "unknown \(what) '\(name)'"
        if let suggestion = Spelling.suggestion(for: name, among: candidates) {
            message += "; did you mean '\(suggestion)'?"
        }
        message += " (one of: \(candidates.sorted().joined(separator: ", ")))"
        self.message = message
    }

    public var description: String { message }
}
