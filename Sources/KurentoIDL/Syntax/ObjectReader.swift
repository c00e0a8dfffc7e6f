/// Reads the members of one JSON object for the decoder: typed getters that report wrong types, and a final
/// check that reports every key nobody asked for as unknown (with a did-you-mean).
struct ObjectReader {
    let node: JSONNode
    let knownKeys: [String]
    private let members: [JSONNode.Member]
    /// What the object is ("a param of method 'x'"), built only when a message needs it.
    private let describeObject: () -> String
    var what: String { describeObject() }

    init(_ node: JSONNode, what: @autoclosure @escaping () -> String, knownKeys: [String]) {
        self.node = node
        self.describeObject = what
        self.knownKeys = knownKeys
        self.members = node.members ?? []
    }

    func member(_ key: String) -> JSONNode.Member? {
        // The last duplicate wins, as in Kurento's reader; the reader has reported the duplicate already.
        members.last { $0.key == key }
    }

    func string(_ key: String, _ diags: inout Diagnostics) -> Located<String>? {
        guard let m = member(key) else { return nil }
        switch m.value.value {
        case .string(let s): return Located(s, at: m.value.location)
        case .null:
            diags.error(.nullValue, "'\(key)' of \(what) is null; expected a string", at: m.value.location)
        default:
            diags.error(.wrongValueType, "'\(key)' of \(what) must be a string, not \(article(m.value.kindName))",
                        at: m.value.location)
        }
        return nil
    }

    /// A doc string; null is accepted as "no doc".
    func doc(_ diags: inout Diagnostics) -> String? {
        locatedDoc(&diags)?.value
    }

    /// A doc string with the location of its value.
    func locatedDoc(_ diags: inout Diagnostics) -> Located<String>? {
        guard let m = member("doc"), !m.value.isNull else { return nil }
        return string("doc", &diags)
    }

    func bool(_ key: String, _ diags: inout Diagnostics) -> Bool {
        guard let m = member(key) else { return false }
        switch m.value.value {
        case .bool(let b): return b
        case .string(let s) where s == "true" || s == "false":
            diags.warning(.booleanAsString, "'\(key)' is the string \"\(s)\"; write the boolean \(s) without quotes",
                          at: m.value.location)
            return s == "true"
        default:
            diags.error(.wrongValueType, "'\(key)' of \(what) must be a boolean, not \(describe(m.value))",
                        at: m.value.location)
            return false
        }
    }

    /// An array's elements, reporting nulls and non-objects; nil when the key is absent.
    func objects(_ key: String, of element: String, _ diags: inout Diagnostics) -> [JSONNode]? {
        guard let m = member(key) else { return nil }
        guard let items = m.value.array else {
            if m.value.isNull {
                diags.error(.nullValue, "'\(key)' is null; expected an array of \(element)s (write [] for none)",
                            at: m.value.location)
            } else {
                diags.error(.wrongValueType, "'\(key)' must be an array of \(element)s, not \(article(m.value.kindName))",
                            at: m.value.location)
            }
            return nil
        }
        return items.filter { item in
            if item.members != nil { return true }
            if item.isNull {
                diags.error(.nullValue, "null in '\(key)'; expected \(article(element))", at: item.location)
            } else {
                diags.error(.wrongValueType, "'\(key)' holds \(article(item.kindName)); expected \(article(element))",
                            at: item.location)
            }
            return false
        }
    }

    /// An array of strings; nil when the key is absent.
    func strings(_ key: String, _ diags: inout Diagnostics) -> [Located<String>]? {
        guard let m = member(key) else { return nil }
        guard let items = m.value.array else {
            diags.error(m.value.isNull ? .nullValue : .wrongValueType,
                        "'\(key)' must be an array of strings, not \(article(m.value.kindName))", at: m.value.location)
            return nil
        }
        return items.compactMap { item in
            if let s = item.string { return Located(s, at: item.location) }
            diags.error(item.isNull ? .nullValue : .wrongValueType,
                        "'\(key)' holds \(article(item.kindName)); expected a string", at: item.location)
            return nil
        }
    }

    /// A type reference; reports malformed ones.
    func typeRef(_ key: String, _ diags: inout Diagnostics) -> Located<TypeRefSyntax>? {
        guard let text = string(key, &diags) else { return nil }
        return Self.parseTypeRef(text, &diags)
    }

    static func parseTypeRef(_ text: Located<String>, _ diags: inout Diagnostics) -> Located<TypeRefSyntax>? {
        switch TypeRefSyntax.parse(text.value) {
        case .success(let ref): return Located(ref, at: text.location)
        case .failure(let error):
            diags.error(.invalidTypeReference, error.message, at: text.location)
            return nil
        }
    }

    /// Required string key: reports its absence at the object.
    func required(_ key: String, _ diags: inout Diagnostics) -> Located<String>? {
        if member(key) == nil {
            diags.error(.missingKey, "\(what) has no '\(key)'", at: node.location)
            return nil
        }
        return string(key, &diags)
    }

    /// Reports every key that is not in `knownKeys`.
    func reportUnknownKeys(_ diags: inout Diagnostics) {
        for m in members where !knownKeys.contains(m.key) {
            var message = "unknown key '\(m.key)' in \(what); it is ignored"
            if let guess = Spelling.suggestion(for: m.key, among: knownKeys) {
                message += "; did you mean '\(guess)'?"
            }
            diags.warning(.unknownKey, message, at: m.keyLocation)
        }
    }

    private func describe(_ node: JSONNode) -> String {
        if let s = node.string { return "the string \"\(s)\"" }
        return article(node.kindName)
    }
}

func article(_ word: String) -> String {
    guard let first = word.first else { return word }
    return ("aeiou".contains(first) ? "an " : "a ") + word
}
