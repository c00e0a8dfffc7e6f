/// Safe spellings of characters and texts for diagnostic messages: nothing invisible, no raw control
/// characters, no bidirectional overrides reach the terminal.
enum CharacterDescription {
    /// The character starting at `index` (valid UTF-8), as `'@'`, `'é' (U+00E9)` or `U+0000`.
    static func describe(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> String {
        describe(scalar(bytes, at: index))
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v == 0x27 { return "\"'\"" }
        if v >= 0x21 && v <= 0x7E { return "'\(Character(scalar))'" }
        let code = codePoint(v)
        if v < 0x80 { return code }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .decimalNumber, .otherNumber,
             .mathSymbol, .currencySymbol, .otherSymbol, .otherPunctuation:
            return "'\(Character(scalar))' (\(code))"
        default:
            return code
        }
    }

    /// `U+0041` style, at least four hex digits.
    static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A text as a JSON string literal, shortened when long, for messages such as `duplicate key "name"`.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        let scalars = text.unicodeScalars
        let shown = scalars.count > limit ? String(String.UnicodeScalarView(scalars.prefix(limit))) + "…" : text
        var out: [UInt8] = []
        JSONWriter.appendString(shown, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the scalar starting at `index` in valid UTF-8.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
        let lead = bytes[index]
        var length = 1
        var value = UInt32(lead)
        if lead >= 0xF0 { length = 4; value &= 0x07 } else if lead >= 0xE0 { length = 3; value &= 0x0F }
        else if lead >= 0xC0 { length = 2; value &= 0x1F }
        for k in 1..<max(length, 1) where index + k < bytes.count {
            value = value << 6 | UInt32(bytes[index + k] & 0x3F)
        }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
