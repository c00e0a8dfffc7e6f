/// A type reference as written in a kmd file: `[module.]Name`, optionally followed by `[]` (list) or `<>`
/// (map from string keys). Only one level of container exists in the format.
public struct TypeRefSyntax: Sendable, Hashable, CustomStringConvertible {
    public enum Container: String, Sendable, Hashable { case none = "", list = "[]", map = "<>" }

    public var module: String?
    public var name: String
    public var container: Container

    public init(module: String?, name: String, container: Container) {
        self.module = module
        self.name = name
        self.container = container
    }

    public var description: String { (module.map { "\($0)." } ?? "") + name + container.rawValue }

    /// Parses the textual form; the error says what is wrong with it.
    public static func parse(_ text: String) -> Result<TypeRefSyntax, TypeRefSyntaxError> {
        var base = Substring(text)
        var container = Container.none
        if base.hasSuffix("[]") { container = .list; base = base.dropLast(2) }
        else if base.hasSuffix("<>") { container = .map; base = base.dropLast(2) }
        if base.hasSuffix("[]") || base.hasSuffix("<>") {
            return .failure(.init(message: "nested containers such as '\(text)' are not supported; only one level of [] or <> exists"))
        }
        let parts = base.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            return .failure(.init(message: "'\(text)' has more than one '.'; write [module.]Name"))
        }
        for part in parts where !Identifier.isValid(String(part)) {
            return .failure(.init(message: "'\(text)' is not a type reference; expected [module.]Name with an optional [] or <> suffix"))
        }
        if parts.count == 2 {
            return .success(.init(module: String(parts[0]), name: String(parts[1]), container: container))
        }
        return .success(.init(module: nil, name: String(base), container: container))
    }
}

public struct TypeRefSyntaxError: Error, Sendable, Hashable {
    public var message: String
}

/// What counts as an identifier in kmd names: ASCII letters, digits and underscores, not starting with a digit.
/// Names become Swift, C and file names, so nothing else is allowed.
public enum Identifier {
    public static func isValid(_ s: String) -> Bool {
        guard let first = s.utf8.first else { return false }
        guard isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return s.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
