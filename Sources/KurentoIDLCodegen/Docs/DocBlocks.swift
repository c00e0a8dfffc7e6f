import Foundation

/// Line structure of doc text for Markdown: which lines are inside an HTML block.
enum DocBlocks {
    struct Line: Equatable {
        var text: String
        var isHTML: Bool
        var isEmpty: Bool { text.isEmpty }
    }

    /// Lines without leading or trailing whitespace (indentation would make Markdown code blocks), no blank
    /// lines at either end and never two in a row; reST directives `.. note::` and `.. todo::` become
    /// bold labels.
    static func normalize(_ doc: String) -> [String] {
        var lines: [String] = []
        for raw in doc.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            for (directive, label) in [(".. note::", "**Note:**"), (".. todo::", "**To do:**"), (".. warning::", "**Warning:**")]
            where line.hasPrefix(directive) {
                line = (label + " " + line.dropFirst(directive.count).trimmingCharacters(in: .whitespaces))
                    .trimmingCharacters(in: .whitespaces)
            }
            if line.isEmpty && (lines.last?.isEmpty ?? true) { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Marks the lines that Markdown reads as an HTML block (CommonMark block kinds 1–7: they end at a blank
    /// line), and joins a Markdown line that starts with `>` to the line before: it is the end of a tag broken
    /// over lines (`<a href='…'⏎>text</a⏎>`), which Markdown would otherwise read as a block quote.
    static func split(_ lines: [String]) -> [Line] {
        var result: [Line] = []
        var inHTML = false
        var paragraphStart = true
        for line in lines {
            if line.isEmpty {
                inHTML = false
                paragraphStart = true
                result.append(Line(text: "", isHTML: false))
                continue
            }
            if !inHTML && startsHTMLBlock(line, atParagraphStart: paragraphStart) { inHTML = true }
            if !inHTML, line.hasPrefix(">"), !paragraphStart, let last = result.last, !last.isEmpty {
                result[result.count - 1].text = last.text + line
            } else {
                result.append(Line(text: line, isHTML: inHTML))
            }
            paragraphStart = false
        }
        return result
    }

    /// CommonMark's block-level tag names (HTML block kind 6).
    static let blockTags: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
        "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup",
        "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
        "title", "tr", "track", "ul",
    ]

    static func startsHTMLBlock(_ line: String, atParagraphStart: Bool) -> Bool {
        guard line.hasPrefix("<") else { return false }
        if line.hasPrefix("<!") || line.hasPrefix("<?") { return true }
        let afterBracket = line.dropFirst().drop { $0 == "/" }
        let name = afterBracket.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
        guard !name.isEmpty else { return false }
        let rest = afterBracket.dropFirst(name.count)
        if ["pre", "script", "style", "textarea"].contains(name) && !line.hasPrefix("</") { return true }
        if blockTags.contains(name), rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.hasPrefix(">") || rest.hasPrefix("/>") {
            return true
        }
        // Kind 7: a paragraph that starts with a line holding one complete tag and nothing else.
        return atParagraphStart && line.range(of: #"^</?[A-Za-z][A-Za-z0-9-]*(\s+[^<>]*)?/?>$"#, options: .regularExpression) != nil
    }
}
