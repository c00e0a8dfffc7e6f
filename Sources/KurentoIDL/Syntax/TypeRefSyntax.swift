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
        // Works on UTF-8 bytes: type references are ASCII, and this runs once per param of every module.
        var bytes = Array(text.utf8)[...]
        var container = Container.none
        func endsWith(_ a: UInt8, _ b: UInt8) -> Bool { bytes.count >= 2 && bytes[bytes.endIndex - 2] == a && bytes.last == b }
        if endsWith(UInt8(ascii: "["), UInt8(ascii: "]")) { container = .list; bytes = bytes.dropLast(2) }
        else if endsWith(UInt8(ascii: "<"), UInt8(ascii: ">")) { container = .map; bytes = bytes.dropLast(2) }
        if endsWith(UInt8(ascii: "["), UInt8(ascii: "]")) || endsWith(UInt8(ascii: "<"), UInt8(ascii: ">")) {
            return .failure(.init(message: "nested containers such as '\(text)' are not supported; only one level of [] or <> exists"))
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            return .failure(.init(message: "'\(text)' has more than one '.'; write [module.]Name"))
        }
        for part in parts where !Identifier.isValid(part) {
            return .failure(.init(message: "'\(text)' is not a type reference; expected [module.]Name with an optional [] or <> suffix"))
        }
        let strings = parts.map { String(decoding: $0, as: UTF8.self) }
        if strings.count == 2 { return .success(.init(module: strings[0], name: strings[1], container: container)) }
        return .success(.init(module: nil, name: strings[0], container: container))
    }
}

public struct TypeRefSyntaxError: Error, Sendable, Hashable {
    public var message: String
}

/// What counts as an identifier in kmd names: ASCII letters, digits and underscores, not starting with a digit.
/// Names become Swift, C and file names, so nothing else is allowed.
public enum Identifier {
    public static func isValid(_ s: String) -> Bool { isValid(s.utf8) }

    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        guard isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
