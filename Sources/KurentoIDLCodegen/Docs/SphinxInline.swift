import Foundation

/// One piece of a line of doc text: plain text, an inline literal (` ``x`` `) or a Sphinx role
/// (`` :rom:cls:`X` ``, `` :term:`x` ``).
enum SphinxInline: Equatable {
    case text(String)
    case literal(String)
    /// `name` is the role without its colons (`rom:cls`, `term`); `content` what is between the backticks.
    case role(name: String, content: String)
}

/// Splits a line of reST-flavoured doc text into text, literals and roles. Anything that does not complete
/// (an unclosed ` `` `, a role without its closing backtick) stays text.
enum SphinxInlineParser {
    static func parse(_ line: String) -> [SphinxInline] {
        let chars = Array(line)
        var result: [SphinxInline] = []
        var text = ""
        var i = 0
        func flush() {
            if !text.isEmpty { result.append(.text(text)) }
            text = ""
        }
        while i < chars.count {
            if chars[i] == "`", i + 1 < chars.count, chars[i + 1] == "`",
               let end = find(["`", "`"], in: chars, from: i + 2), end > i + 2 {
                flush()
                result.append(.literal(String(chars[(i + 2)..<end])))
                i = end + 2
                continue
            }
            if chars[i] == ":", let (name, content, next) = role(in: chars, at: i) {
                flush()
                result.append(.role(name: name, content: content))
                i = next
                continue
            }
            text.append(chars[i])
            i += 1
        }
        flush()
        return result
    }

    /// `:name:` or `:domain:name:` directly followed by `` `content` ``, starting at `start`.
    private static func role(in chars: [Character], at start: Int) -> (String, String, Int)? {
        // A role starts a word: not right after a letter or digit (as in `12:30:`).
        if start > 0, chars[start - 1].isLetter || chars[start - 1].isNumber { return nil }
        var i = start + 1
        var parts: [String] = []
        while parts.count < 2 {
            var part = ""
            while i < chars.count, chars[i].isASCII, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "-" {
                part.append(chars[i])
                i += 1
            }
            guard !part.isEmpty, i < chars.count, chars[i] == ":" else { return nil }
            parts.append(part)
            i += 1
            if i < chars.count, chars[i] == "`" { break }
        }
        guard i < chars.count, chars[i] == "`", let end = find(["`"], in: chars, from: i + 1), end > i + 1 else {
            return nil
        }
        return (parts.joined(separator: ":"), String(chars[(i + 1)..<end]), end + 1)
    }

    private static func find(_ needle: [Character], in chars: [Character], from start: Int) -> Int? {
        guard start <= chars.count - needle.count else { return nil }
        for i in start...(chars.count - needle.count) where Array(chars[i..<(i + needle.count)]) == needle {
            return i
        }
        return nil
    }
}

/// The target of a role and the text shown for it: `label <Target>` or `label<Target>` give both,
/// otherwise the content is the target, shown as written (Sphinx's `~` prefix shows its last part only).
struct SphinxTarget: Equatable {
    var target: String
    var label: String?

    init(_ content: String) {
        let trimmed = content.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<"), open != trimmed.startIndex {
            let label = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            target = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
                .trimmingCharacters(in: .whitespaces)
            self.label = label.isEmpty ? nil : label
        } else {
            target = trimmed
            label = nil
        }
    }

    /// The text shown: the label, or the target (without a leading `~`, then only its last dotted part).
    var display: String {
        if let label { return label }
        if target.hasPrefix("~") { return String(target.dropFirst().split(separator: ".").last ?? "") }
        return target
    }

    /// The dotted name looked up: no `~` or leading `.`, no trailing `()`.
    var lookupName: String {
        var name = Substring(target)
        while name.first == "~" || name.first == "." { name = name.dropFirst() }
        if name.hasSuffix("()") { name = name.dropLast(2) }
        return String(name)
    }
}
