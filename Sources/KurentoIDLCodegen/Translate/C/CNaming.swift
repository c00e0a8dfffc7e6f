import Foundation

/// C spellings of kmd names: case conversion, the per-module prefix, and escaping of C and C++ keywords,
/// reserved identifiers and names of the standard headers the generated code includes. Every identifier the
/// c-shim target writes goes through here.
public enum CNaming {
    /// C11/C23 keywords, C++ keywords (headers are usable from C++), and lower-case names that standard
    /// headers define as macros or types.
    static let reserved: Set<String> = [
        // C
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "alignas", "alignof", "bool", "constexpr", "false", "nullptr", "static_assert", "thread_local", "true",
        "typeof", "typeof_unqual",
        // C++
        "and", "and_eq", "asm", "bitand", "bitor", "catch", "char8_t", "char16_t", "char32_t", "class", "compl",
        "concept", "consteval", "constinit", "const_cast", "co_await", "co_return", "co_yield", "decltype", "delete",
        "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
        "operator", "or", "or_eq", "private", "protected", "public", "reinterpret_cast", "requires", "static_cast",
        "template", "this", "throw", "try", "typeid", "typename", "using", "virtual", "wchar_t", "xor", "xor_eq",
        // Standard headers: macros and types
        "assert", "errno", "offsetof", "noreturn", "complex", "imaginary", "va_arg", "va_list", "va_start",
        "va_end", "va_copy", "setjmp", "longjmp", "stdin", "stdout", "stderr", "size_t", "ptrdiff_t",
        "max_align_t", "intptr_t", "uintptr_t", "intmax_t", "uintmax_t", "int8_t", "int16_t", "int32_t", "int64_t",
        "uint8_t", "uint16_t", "uint32_t", "uint64_t", "time_t", "clock_t", "timespec", "json_object", "free",
        "malloc", "calloc", "realloc", "strlen", "strcmp", "memcpy", "memset", "printf", "snprintf", "main",
    ]

    /// The prefix of a module's C names: the module name, made a valid identifier (`demo`, `core`).
    public static func modulePrefix(_ module: String) -> String {
        var name = sanitized(module)
        if name.first == "_" || name.first?.isNumber == true { name = "k" + name }
        return collapsedUnderscores(name)
    }

    /// A type name: `<module>_<Name>` (`demo_StageFilter`, `core_Tag`), kmd spelling kept.
    public static func typeName(module: String, _ kmd: String) -> String {
        var name = collapsedUnderscores(modulePrefix(module) + "_" + sanitized(kmd))
        // Suffixes follow (`_list`, `_free`): a trailing `_` would make a double one.
        if name.hasSuffix("_") { name += "x" }
        return name
    }

    /// A member, field or function-name part: snake_case, escaped where reserved (`showText` → `show_text`,
    /// `default` → `default_`, `_x` → `x_x`).
    public static func memberName(_ kmd: String) -> String {
        var name = collapsedUnderscores(snakeCase(sanitized(kmd)))
        if name.hasPrefix("_") { name = "x" + name }
        if name.first?.isNumber == true { name = "n" + name }
        if name.isEmpty { name = "x" }
        if name.hasSuffix("_") { name = String(name.dropLast()) + "_x" }
        if reserved.contains(name) || name.hasPrefix("kidl_") { name += "_" }
        return name
    }

    /// An enum constant or macro part: UPPER_SNAKE (`CaptionAnchor` → `CAPTION_ANCHOR`, `mp4` → `MP4`).
    public static func upperSnake(_ kmd: String) -> String {
        collapsedUnderscores(snakeCase(sanitized(kmd)).uppercased())
    }

    /// `showText` → `show_text`, `SDPAddress` → `sdp_address`, `MP4_VIDEO_ONLY` → `mp4_video_only`.
    static func snakeCase(_ s: String) -> String {
        let chars = Array(s)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = chars[i - 1]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                let startsWord = previous.isLowercase || previous.isNumber
                    || (previous.isUppercase && next?.isLowercase == true)
                if startsWord && previous != "_" { out += "_" }
            }
            out += c.lowercased()
        }
        return out
    }

    /// Letters, digits and `_` only (kmd validation already asks for that; this keeps odd input compiling).
    static func sanitized(_ s: String) -> String {
        let mapped = s.unicodeScalars.map { u -> Character in
            (u.isASCII && (u.properties.isAlphabetic || u.properties.numericType != nil)) || u == "_" ? Character(u) : "_"
        }
        return mapped.isEmpty ? "_" : String(mapped)
    }

    /// Runs of `_` become one: C++ reserves every name containing `__`.
    static func collapsedUnderscores(_ s: String) -> String {
        var out = ""
        for c in s where !(c == "_" && out.last == "_") { out.append(c) }
        return out
    }

    /// A C string literal of `s`: quotes, backslashes, control and non-ASCII bytes escaped (octal, so that no
    /// following hex digit is swallowed); `?` escaped against trigraphs.
    public static func stringLiteral(_ s: String) -> String { stringLiteral(bytes: Array(s.utf8)) }

    /// A C string literal of UTF-8 bytes (a piece of a longer text may end inside a character).
    public static func stringLiteral(bytes: [UInt8]) -> String {
        var out = "\""
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\t"): out += "\\t"
            case UInt8(ascii: "?"): out += "\\?"
            case 0x20..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += "\\" + String(byte, radix: 8).leftPadded(to: 3)
            }
        }
        return out + "\""
    }

    /// Text for a C comment: `*/` cannot end it early.
    public static func commentText(_ s: String) -> String {
        s.replacingOccurrences(of: "*/", with: "* /").replacingOccurrences(of: "/*", with: "/ *")
    }
}

/// Hands out unique names within one C scope (the fields of a struct, the constants of a module): a name
/// already taken gets `_` appended until it is free.
struct CNameScope {
    private var taken: Set<String>

    init(reserved: Set<String> = []) { taken = reserved }

    mutating func claim(_ name: String) -> String {
        var candidate = name
        while taken.contains(candidate) { candidate += "_" }
        taken.insert(candidate)
        return candidate
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
