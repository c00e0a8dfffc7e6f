/// Spelling text for Markdown.
enum MarkdownText {
    /// Plain text that Markdown must show as it is: emphasis, link and code characters are escaped, and a
    /// line start that would make a heading or a rule.
    static func escape(_ text: String, atLineStart: Bool) -> String {
        var out = ""
        for c in text {
            switch c {
            case "*", "[", "]", "`", "\\": out += "\\\(c)"
            default: out.append(c)
            }
        }
        if atLineStart {
            if out.hasPrefix("#") || out.hasPrefix("+") { out = "\\" + out }
            if !out.isEmpty, out.allSatisfy({ $0 == "=" || $0 == "-" }) { out = "\\" + out }
        }
        return out
    }

    /// A code span holding `text` exactly: a fence longer than any run of backticks inside.
    static func codeSpan(_ text: String) -> String {
        var longest = 0, run = 0
        for c in text {
            if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
