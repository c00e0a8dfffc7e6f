/// The first error met while reading; reading stops there.
struct ReadFailure: Error {
    var diagnostic: Diagnostic
}

/// The lenient JSON state machine behind `LenientJSONReader`.
///
/// Iterative: open arrays and objects live on an explicit stack (`Frame`), so that deep nesting costs heap,
/// never call stack, and stops with KIDL104 past `maxDepth`.
struct JSONParser {
    static let maxDepth = 512

    var cursor: ByteCursor
    var tally = LenientConstructTally()
    /// Errors that do not stop reading (duplicate keys).
    var reported: [Diagnostic] = []
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, start: Int, file: String) {
        cursor = ByteCursor(bytes: bytes, start: start, file: file)
    }

    /// An array or object whose closing bracket has not been read yet.
    struct Frame {
        let isObject: Bool
        let location: SourceLocation
        var elements: [JSONNode] = []
        var members: [JSONNode.Member] = []
        var pendingKey = ""
        var pendingKeyLocation: SourceLocation
        /// Built once an object grows large, so that duplicate-key checks stay linear overall.
        var keyIndex: [String: Int]?

        init(isObject: Bool, location: SourceLocation) {
            self.isObject = isObject
            self.location = location
            pendingKeyLocation = location
        }

        var closer: UInt8 { isObject ? UInt8(ascii: "}") : UInt8(ascii: "]") }
        var kind: String { isObject ? "object" : "array" }

        mutating func add(_ node: JSONNode) {
            if isObject {
                if keyIndex != nil, keyIndex![pendingKey] == nil { keyIndex![pendingKey] = members.count }
                members.append(JSONNode.Member(key: pendingKey, keyLocation: pendingKeyLocation, value: node))
            } else {
                elements.append(node)
            }
        }

        /// The finished node (consumes the frame's contents).
        consuming func node() -> JSONNode {
            isObject ? JSONNode(.object(members), at: location) : JSONNode(.array(elements), at: location)
        }

        /// The member already holding `key`, if any.
        mutating func existingMember(named key: String) -> JSONNode.Member? {
            if keyIndex == nil, members.count >= 16 {
                var index: [String: Int] = [:]
                for (i, m) in members.enumerated() where index[m.key] == nil { index[m.key] = i }
                keyIndex = index
            }
            if let keyIndex { return keyIndex[key].map { members[$0] } }
            return members.first { $0.key == key }
        }
    }

    /// Reads the single top-level value and checks that only whitespace and comments follow it.
    mutating func parseDocument() throws(ReadFailure) -> JSONNode {
        var stack: [Frame] = []
        parseValue: while true {
            try skipTrivia()
            guard let b = cursor.peek else { throw endOfFile(stack.last, expecting: "a value") }
            var node: JSONNode
            if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                let location = cursor.location()
                guard stack.count < Self.maxDepth else {
                    throw failure(.nestingTooDeep,
                                  "arrays and objects nest deeper than \(Self.maxDepth) levels", at: location)
                }
                cursor.offset += 1
                var frame = Frame(isObject: b == UInt8(ascii: "{"), location: location)
                try skipTrivia()
                if cursor.peek == frame.closer {
                    cursor.offset += 1
                    node = frame.node()
                } else {
                    if frame.isObject { try parseKey(into: &frame, afterComma: false) }
                    stack.append(frame)
                    continue parseValue
                }
            } else {
                node = try parseScalar(b)
            }

            // Attach the finished value to its container; close containers whose end follows.
            while !stack.isEmpty {
                let top = stack.count - 1
                stack[top].add(node)
                try skipTrivia()
                let closer = stack[top].closer
                guard let c = cursor.peek else {
                    throw endOfFile(stack[top], expecting: nil)
                }
                if c == UInt8(ascii: ",") || c == UInt8(ascii: ";") {
                    let separator = cursor.mark
                    if c == UInt8(ascii: ";") {
                        tally.note(.nonStandardSeparator, at: separator,
                                   "';' used instead of ',' (accepted, as Kurento's reader does)")
                    }
                    cursor.offset += 1
                    try skipTrivia()
                    if cursor.peek == closer {
                        tally.note(.trailingComma, at: separator, Self.trailingCommaMessage(c, closer))
                        cursor.offset += 1
                        node = stack.removeLast().node()
                        continue
                    }
                    if stack[top].isObject { try parseKey(into: &stack[top], afterComma: true) }
                    continue parseValue
                } else if c == closer {
                    cursor.offset += 1
                    node = stack.removeLast().node()
                } else {
                    let expected = "',' or '\(Character(Unicode.Scalar(closer)))'"
                    throw unexpectedCharacter(expecting: "\(expected) after the \(stack[top].isObject ? "member" : "element")")
                }
            }

            try skipTrivia()
            if !cursor.isAtEnd {
                let what = CharacterDescription.describe(cursor.bytes, at: cursor.offset)
                throw failure(.trailingContent,
                              "unexpected \(what) after the top-level value (a file holds exactly one value)",
                              at: cursor.location())
            }
            return node
        }
    }

    /// Reads a key and its `:` (or `=`, `=>`), and checks it against the keys already in the object.
    private mutating func parseKey(into frame: inout Frame, afterComma: Bool) throws(ReadFailure) {
        try skipTrivia()
        guard let b = cursor.peek else { throw endOfFile(frame, expecting: "a key") }
        let start = cursor.mark
        let location = cursor.location(of: start)
        let key: String
        if b == UInt8(ascii: "\"") {
            key = try scanString(quote: b, openedAt: location)
        } else if b == UInt8(ascii: "'") {
            tally.note(.singleQuotedString, at: start, Self.singleQuoteMessage)
            key = try scanString(quote: b, openedAt: location)
        } else if Self.isIdentifierStart(b) {
            let end = identifierEnd(from: cursor.offset)
            key = String(decoding: UnsafeBufferPointer(rebasing: cursor.bytes[cursor.offset..<end]), as: UTF8.self)
            tally.note(.unquotedKey, at: start,
                       "unquoted key \(CharacterDescription.quoted(key)) (accepted, as Kurento's reader does)")
            cursor.offset = end
        } else {
            throw unexpectedCharacter(expecting: afterComma ? "a key (a string in double quotes)"
                                                             : "a key (a string in double quotes) or '}'")
        }

        if let first = frame.existingMember(named: key) {
            reported.append(Diagnostic(
                .duplicateKey, "duplicate key \(CharacterDescription.quoted(key)) in this object",
                at: location, severity: .error,
                notes: [Diagnostic.Note("first \(CharacterDescription.quoted(key)) is here", at: first.keyLocation)]))
        }

        try skipTrivia()
        guard let c = cursor.peek else { throw endOfFile(frame, expecting: "':' after the key") }
        if c == UInt8(ascii: ":") {
            cursor.offset += 1
        } else if c == UInt8(ascii: "=") {
            let mark = cursor.mark
            cursor.offset += 1
            let arrow = cursor.peek == UInt8(ascii: ">")
            if arrow { cursor.offset += 1 }
            tally.note(.nonStandardSeparator, at: mark,
                       "'\(arrow ? "=>" : "=")' used instead of ':' (accepted, as Kurento's reader does)")
        } else {
            throw unexpectedCharacter(expecting: "':' after the key \(CharacterDescription.quoted(key))")
        }
        frame.pendingKey = key
        frame.pendingKeyLocation = location
    }

    // MARK: Failures

    func failure(_ id: DiagnosticID, _ message: String, at location: SourceLocation,
                 notes: [Diagnostic.Note] = []) -> ReadFailure {
        ReadFailure(diagnostic: Diagnostic(id, message, at: location, severity: .error, notes: notes))
    }

    /// KIDL102 at the read position.
    mutating func unexpectedCharacter(expecting expected: String) -> ReadFailure {
        let what = CharacterDescription.describe(cursor.bytes, at: cursor.offset)
        return failure(.unexpectedCharacter, "unexpected character \(what); expected \(expected)",
                       at: cursor.location())
    }

    /// KIDL101 at the end of the file (or KIDL103 when no value started), naming the unclosed container.
    mutating func endOfFile(_ open: Frame?, expecting expected: String?) -> ReadFailure {
        guard let open else {
            let onlyTrivia = cursor.count > cursor.startOffset
            return failure(.emptyFile,
                           onlyTrivia ? "the file holds no JSON value (only whitespace or comments)"
                                      : "the file is empty",
                           at: SourceLocation(file: cursor.file, line: 1, column: 1))
        }
        let at = open.location
        let closer = "'\(Character(Unicode.Scalar(open.closer)))'"
        let close = "\(closer) to close the \(open.kind) opened at \(at.line):\(at.column)"
        let message = expected.map { "unexpected end of file: expected \($0), then \(close)" }
            ?? "unexpected end of file: expected \(close)"
        return failure(.unexpectedEndOfFile, message, at: cursor.location(),
                       notes: [Diagnostic.Note("the \(open.kind) opened here", at: at)])
    }

    // MARK: Messages and character classes

    static let singleQuoteMessage = "single-quoted string (accepted, as Kurento's reader does)"

    static func trailingCommaMessage(_ separator: UInt8, _ closer: UInt8) -> String {
        let sep = Character(Unicode.Scalar(separator)), close = Character(Unicode.Scalar(closer))
        return closer == UInt8(ascii: "]")
            ? "trailing '\(sep)' before '\(close)' ignored (Kurento's reader would add a null element)"
            : "trailing '\(sep)' before '\(close)' ignored (not standard JSON)"
    }

    static func isIdentifierStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "$")
    }

    static func isIdentifierContinuation(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }

    /// The end of the identifier-like word starting at `start` (`[A-Za-z_$][A-Za-z0-9_$-]*`).
    func identifierEnd(from start: Int) -> Int {
        var i = start + 1
        while i < cursor.count, Self.isIdentifierContinuation(cursor.bytes[i]) { i += 1 }
        return i
    }
}
