/// Swift spellings of kmd names: case conversion and escaping of keywords and names that generated code or
/// Swift reserve. Every identifier the Swift targets write goes through here.
public enum SwiftNaming {
    /// Words that need backticks wherever they are used as an identifier.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case",
        "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat",
        "return", "throw", "switch", "where", "while", "as", "false", "is", "nil", "self", "super", "throws",
        "true", "try", "await", "async", "any", "some", "package", "Any", "Self", "Type", "Protocol",
    ]

    /// Type names that cannot be declared or would break generated code even with backticks: they get a `_`.
    static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "Any", "Sendable", "AnyObject", "Swift", "KurentoRuntime", "JSON", "KurentoValue", "KurentoEvent",
        "KurentoEnum", "RemoteObject", "ObjectContext", "ObjectReference", "JSONFields", "ValuePath",
        "KurentoError", "KurentoModule", "RemoteClassGlue", "RemoteObjectFactory", "ObjectResolver",
        // Names generated client code uses (KurentoClient).
        "KurentoClient", "KurentoProxy", "KurentoTransaction", "TransactionResult", "KurentoEvents", "KurentoEventDecodable",
        "KurentoProxyRegistry",
    ]

    /// A type name: UpperCamel, with a `_` suffix where the name is reserved.
    public static func typeName(_ kmd: String) -> String {
        let name = upperCamel(kmd)
        return reservedTypeNames.contains(name) ? name + "_" : name
    }

    /// A member, param or enum-case name: lowerCamel, in backticks where it is a keyword.
    public static func memberName(_ kmd: String) -> String { escaped(lowerCamel(kmd)) }

    /// A label in a declaration's parameter list: keywords need no backticks there, except `inout`, `var`, `let`.
    public static func parameterLabel(_ kmd: String) -> String {
        let name = lowerCamel(kmd)
        return ["inout", "var", "let"].contains(name) ? "`\(name)`" : name
    }

    /// A label in a call's argument list: keywords need no backticks there, except `inout`.
    public static func argumentLabel(_ kmd: String) -> String {
        let name = lowerCamel(kmd)
        return name == "inout" ? "`inout`" : name
    }

    /// The name without backticks, for building other names from it.
    public static func rawMemberName(_ kmd: String) -> String { lowerCamel(kmd) }

    public static func escaped(_ name: String) -> String { keywords.contains(name) ? "`\(name)`" : name }

    /// `MP4_VIDEO_ONLY` → `mp4VideoOnly`, `SDPAddress` → `sdpAddress`, `fooBar` → `fooBar`.
    public static func lowerCamel(_ s: String) -> String {
        let words = self.words(s)
        guard let first = words.first else { return s.isEmpty ? "_" : s }
        var result = lowerLeadingCapitals(first)
        for w in words.dropFirst() { result += capitalized(w) }
        if let c = result.unicodeScalars.first, c.properties.numericType != nil { result = "_" + result }
        return result
    }

    /// `media_type` → `MediaType`, `fooBar` → `FooBar`; already UpperCamel names stay as they are.
    public static func upperCamel(_ s: String) -> String {
        let words = self.words(s)
        guard !words.isEmpty else { return s.isEmpty ? "_" : s }
        let result = words.map { w -> String in
            if isAllCaps(w) && words.count > 1 { return capitalized(w) }
            return w.prefix(1).uppercased() + w.dropFirst()
        }.joined()
        if let c = result.unicodeScalars.first, c.properties.numericType != nil { return "_" + result }
        return result
    }

    /// Splits at underscores.
    private static func words(_ s: String) -> [String] {
        s.split(separator: "_").map(String.init)
    }

    private static func isAllCaps(_ w: String) -> Bool {
        !w.contains { $0.isLowercase }
    }

    /// `AUDIO` → `Audio`, `mp4` → `Mp4`, `fooBar` → `FooBar`.
    private static func capitalized(_ w: String) -> String {
        if isAllCaps(w) { return w.prefix(1).uppercased() + w.dropFirst().lowercased() }
        return w.prefix(1).uppercased() + w.dropFirst()
    }

    /// `AUDIO` → `audio`, `SDPAddress` → `sdpAddress`, `URI` → `uri`, `fooBar` → `fooBar`.
    private static func lowerLeadingCapitals(_ w: String) -> String {
        if isAllCaps(w) { return w.lowercased() }
        let chars = Array(w)
        var run = 0
        while run < chars.count && chars[run].isUppercase { run += 1 }
        if run <= 1 { return w.prefix(1).lowercased() + w.dropFirst() }
        // "SDPAddress": keep the last capital of the run as the start of the next word.
        let keep = run < chars.count ? run - 1 : run
        return String(chars[..<keep]).lowercased() + String(chars[keep...])
    }

    /// A Swift string literal of `s` (escapes quotes, backslashes and control characters).
    public static func stringLiteral(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
