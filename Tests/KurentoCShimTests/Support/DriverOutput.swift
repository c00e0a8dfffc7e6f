import KurentoRuntime

/// One line the script driver printed.
enum DriverLine: Equatable, CustomStringConvertible {
    case ok(JSON)
    case error(code: Int, message: String)
    case notHandled
    case event(object: String, type: String, data: JSON)
    case other(String)

    init(_ line: String) {
        if line.hasPrefix("OK ") {
            self = JSON(text: String(line.dropFirst(3))).map(DriverLine.ok) ?? .other(line)
        } else if line.hasPrefix("ERR ") {
            let rest = line.dropFirst(4)
            let code = Int(rest.prefix { $0 != " " }) ?? -1
            self = .error(code: code, message: String(rest.drop { $0 != " " }.dropFirst()))
        } else if line == "NOT_HANDLED" {
            self = .notHandled
        } else if line.hasPrefix("EVENT ") {
            let parts = line.dropFirst(6).split(separator: " ", maxSplits: 2).map(String.init)
            self = parts.count == 3 ? JSON(text: parts[2]).map { .event(object: parts[0], type: parts[1], data: $0) } ?? .other(line) : .other(line)
        } else {
            self = .other(line)
        }
    }

    var description: String {
        switch self {
        case .ok(let json): "OK \(json.text)"
        case .error(let code, let message): "ERR \(code) \(message)"
        case .notHandled: "NOT_HANDLED"
        case .event(let object, let type, let data): "EVENT \(object) \(type) \(data.text)"
        case .other(let line): line
        }
    }
}

extension JSON {
    /// Parses test text; traps on a typo in a test.
    init(parsing text: String) {
        guard let value = JSON(text: text) else { fatalError("not JSON: \(text)") }
        self = value
    }

    /// The object without the given members.
    func removing(_ keys: String...) -> JSON {
        guard case .object(var members) = self else { return self }
        for key in keys { members[key] = nil }
        return .object(members)
    }
}
