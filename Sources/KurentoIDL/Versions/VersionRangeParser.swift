/// Recursive-descent parser for range expressions, following jsemver's `ExpressionParser` rule by rule:
///
///     expression := ( "!" "(" expression ")" | "(" expression ")" | range ) [ ("&" | "|") expression ]
///     range      := "~" partial | wildcard | version "-" version | [operator] version
///
/// The optional tail makes `&` and `|` equally binding and right-associative.
struct VersionRangeParser {
    private let scalars: [Unicode.Scalar]
    private let tokens: [VersionRangeToken]
    private var index = 0
    private var depth = 0

    /// Nesting (parentheses, and each `&`/`|` in a chain) beyond which the range is refused, to keep recursion
    /// bounded.
    static let maximumDepth = 200

    private init(_ scalars: [Unicode.Scalar], end: Int) {
        self.scalars = scalars
        self.tokens = VersionRangeLexer.tokens(scalars, end: end)
    }

    /// Parses `scalars[0..<end]`; a leading `^` is Kurento's caret rewrite.
    static func parse(_ scalars: [Unicode.Scalar], end: Int) throws(VersionSyntaxError) -> VersionRange {
        if end > 0 && scalars[0] == "^" {
            return try caret(scalars, versionIn: 1..<end)
        }
        var parser = VersionRangeParser(scalars, end: end)
        let range = try parser.expression(after: nil)
        let rest = parser.peek
        switch rest.kind {
        case .end: return range
        case .rightParen: throw VersionSyntaxError(message: "unexpected ')'", offset: rest.offset)
        case .invalid: throw VersionSyntaxError(message: "unexpected character \(rest.quoted)", offset: rest.offset)
        default: throw VersionSyntaxError(message: "expected '&' or '|' before \(rest.quoted)", offset: rest.offset)
        }
    }

    /// Kurento's caret rewrite `^X.Y.Z` → `>=X.Y.Z & <(X+1).0.0`, where the text in `versionRange` must be a
    /// full version. A pre-release or build suffix survives the rewrite and then fails jsemver's range lexer,
    /// so it is refused here, at its position in the original text.
    static func caret(_ scalars: [Unicode.Scalar], versionIn versionRange: Range<Int>) throws(VersionSyntaxError)
        -> VersionRange
    {
        let version = try SemanticVersionParser.parse(scalars, in: versionRange)
        let suffixOffset = versionRange.lowerBound + version.core.description.unicodeScalars.count
        if !version.preRelease.isEmpty {
            throw VersionSyntaxError(message: "a pre-release tag is not allowed in a caret range", offset: suffixOffset)
        }
        if !version.buildMetadata.isEmpty {
            throw VersionSyntaxError(message: "build metadata is not allowed in a caret range", offset: suffixOffset)
        }
        let (next, overflow) = version.major.addingReportingOverflow(1)
        if overflow {
            throw VersionSyntaxError(message: "major version is too large", offset: versionRange.lowerBound)
        }
        return .and(.comparison(.greaterOrEqual, version), .comparison(.less, SemanticVersion(major: next, minor: 0, patch: 0)))
    }

    // MARK: Grammar

    /// `context` is the token after which an expression is required (nil at the start), for messages.
    private mutating func expression(after context: VersionRangeToken?) throws(VersionSyntaxError) -> VersionRange {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw VersionSyntaxError(message: "version range is nested too deeply", offset: peek.offset)
        }
        var range: VersionRange
        switch peek.kind {
        case .not:
            advance()
            guard peek.kind == .leftParen else {
                throw error("expected '(' after '!'", found: peek)
            }
            let open = advance()
            range = .not(try expression(after: open))
            try close(open)
        case .leftParen:
            let open = advance()
            range = try expression(after: open)
            try close(open)
        default:
            range = try self.range(after: context)
        }
        switch peek.kind {
        case .and:
            let op = advance()
            return .and(range, try expression(after: op))
        case .or:
            let op = advance()
            return .or(range, try expression(after: op))
        default:
            return range
        }
    }

    private mutating func close(_ open: VersionRangeToken) throws(VersionSyntaxError) {
        switch peek.kind {
        case .rightParen:
            advance()
        case .end:
            throw VersionSyntaxError(message: "unclosed '(': expected ')' before the end", offset: open.offset)
        default:
            throw error("expected '&', '|' or ')'", found: peek)
        }
    }

    private mutating func range(after context: VersionRangeToken?) throws(VersionSyntaxError) -> VersionRange {
        let token = peek
        switch token.kind {
        case .tilde:
            advance()
            return try tilde(after: token)
        case .caret:
            throw VersionSyntaxError(message: "'^' is only allowed as the first character of a range", offset: token.offset)
        case .comparison(let op):
            advance()
            return .comparison(op, try version(after: token))
        case .star, .number:
            switch kindAfterVersion() {
            case .star: return try wildcard()
            case .hyphen where !hyphenStartsPreRelease(): return try hyphen()
            default: return .comparison(.equal, try version(after: nil))
            }
        default:
            let message = context.map { "expected a version range after \($0.quoted)" } ?? "expected a version range"
            throw error(message, found: token)
        }
    }

    /// `~1` = `>=1.0.0`; `~1.2` = `>=1.2.0 & <2.0.0`; `~1.2.3` = `>=1.2.3 & <1.3.0`.
    private mutating func tilde(after tilde: VersionRangeToken) throws(VersionSyntaxError) -> VersionRange {
        let parts = try partialVersion(after: tilde)
        let low = Self.version(parts)
        switch parts.count {
        case 1: return .comparison(.greaterOrEqual, low)
        case 2: return .and(.comparison(.greaterOrEqual, low), .comparison(.less, try bump(parts, at: 0)))
        default: return .and(.comparison(.greaterOrEqual, low), .comparison(.less, try bump(parts, at: 1)))
        }
    }

    /// `*` = `>=0.0.0`; `1.*` = `>=1.0.0 & <2.0.0`; `1.2.*` = `>=1.2.0 & <1.3.0`.
    private mutating func wildcard() throws(VersionSyntaxError) -> VersionRange {
        if peek.kind == .star {
            advance()
            return .comparison(.greaterOrEqual, SemanticVersion(major: 0, minor: 0, patch: 0))
        }
        var parts: [(value: Int, token: VersionRangeToken)] = []
        while true {
            let number = advance()  // kindAfterVersion() guarantees number (. number)* before the star
            parts.append((try VersionText.number(scalars, number.offset..<number.endOffset), number))
            guard peek.kind == .dot else { throw error("expected '.'", found: peek) }
            advance()
            if peek.kind == .star {
                advance()
                return .and(.comparison(.greaterOrEqual, Self.version(parts)),
                            .comparison(.less, try bump(parts, at: parts.count - 1)))
            }
            if parts.count == 2 { throw error("expected '*'", found: peek) }
            guard peek.kind == .number else { throw error("expected a number or '*' after '.'", found: peek) }
        }
    }

    /// `1.0 - 2.0` = `>=1.0.0 & <=2.0.0`.
    private mutating func hyphen() throws(VersionSyntaxError) -> VersionRange {
        let low = try version(after: nil)
        let dash = advance()
        let high = try version(after: dash)
        return .and(.comparison(.greaterOrEqual, low), .comparison(.lessOrEqual, high))
    }

    // MARK: Versions inside ranges

    private mutating func version(after context: VersionRangeToken?) throws(VersionSyntaxError) -> SemanticVersion {
        Self.version(try partialVersion(after: context))
    }

    /// `1`, `1.2` or `1.2.3`, each number with its token.
    private mutating func partialVersion(after context: VersionRangeToken?) throws(VersionSyntaxError)
        -> [(value: Int, token: VersionRangeToken)]
    {
        var parts: [(value: Int, token: VersionRangeToken)] = []
        repeat {
            if !parts.isEmpty { advance() }  // the dot
            let token = peek
            guard token.kind == .number else {
                let message = parts.isEmpty
                    ? context.map { "expected a version number after \($0.quoted)" } ?? "expected a version number"
                    : "expected a number after '.'"
                throw error(message, found: token)
            }
            advance()
            parts.append((try VersionText.number(scalars, token.offset..<token.endOffset), token))
        } while parts.count < 3 && peek.kind == .dot
        try rejectSuffix(after: parts[parts.count - 1].token)
        return parts
    }

    /// `1.0.0-beta`, `1.0.0+build`: jsemver's range lexer has no tokens for them (while `1.0.0-1` is a hyphen
    /// range). Reported at the `-` or `+`, which is more helpful than at the first letter.
    private func rejectSuffix(after last: VersionRangeToken) throws(VersionSyntaxError) {
        let next = peek
        guard next.offset == last.endOffset else { return }
        if next.kind == .hyphen && hyphenStartsPreRelease() {
            throw VersionSyntaxError(message: "a pre-release tag is not allowed in a version range", offset: next.offset)
        }
        if next.kind == .invalid && next.text == "+" {
            throw VersionSyntaxError(message: "build metadata is not allowed in a version range", offset: next.offset)
        }
    }

    /// Whether the hyphen at `peek` (or after the version starting at `peek`) is glued to a following letter.
    private func hyphenStartsPreRelease() -> Bool {
        var i = index
        while tokens[i].kind == .number || tokens[i].kind == .dot { i += 1 }
        guard tokens[i].kind == .hyphen, i + 1 < tokens.count else { return false }
        let after = tokens[i + 1]
        return after.kind == .invalid && after.offset == tokens[i].endOffset
            && VersionText.isLetter(scalars[after.offset])
    }

    /// jsemver's `isVersionFollowedBy`: the kind of the first token after a run of numbers and dots.
    private func kindAfterVersion() -> VersionRangeToken.Kind {
        var i = index
        while tokens[i].kind == .number || tokens[i].kind == .dot { i += 1 }
        return tokens[i].kind
    }

    private static func version(_ parts: [(value: Int, token: VersionRangeToken)]) -> SemanticVersion {
        let values = parts.map(\.value) + Array(repeating: 0, count: 3 - parts.count)
        return SemanticVersion(major: values[0], minor: values[1], patch: values[2])
    }

    /// The version with `parts[position]` incremented and everything after it zero.
    private func bump(_ parts: [(value: Int, token: VersionRangeToken)], at position: Int) throws(VersionSyntaxError)
        -> SemanticVersion
    {
        var values = parts.map(\.value) + Array(repeating: 0, count: 3 - parts.count)
        let (next, overflow) = values[position].addingReportingOverflow(1)
        if overflow {
            throw VersionSyntaxError(message: "version number is too large", offset: parts[position].token.offset)
        }
        values[position] = next
        for later in (position + 1)..<3 { values[later] = 0 }
        return SemanticVersion(major: values[0], minor: values[1], patch: values[2])
    }

    // MARK: Tokens

    private var peek: VersionRangeToken { tokens[index] }

    @discardableResult
    private mutating func advance() -> VersionRangeToken {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    private func error(_ message: String, found token: VersionRangeToken) -> VersionSyntaxError {
        VersionSyntaxError(message: token.kind == .end ? message : "\(message), found \(token.quoted)",
                           offset: token.offset)
    }
}
