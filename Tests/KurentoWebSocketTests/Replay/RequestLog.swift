import Foundation
import KurentoRuntime

/// One frame the real JavaScript client sent (../shared/kurento-wire/requests.jsonl): its order, connection,
/// the step of the interop run it belongs to, and the frame itself.
struct LoggedFrame: Sendable {
    var seq: Int
    var conn: Int
    var step: String
    var frame: JSON

    var method: String { frame["method"]?.stringValue ?? "" }
    var params: JSON { frame["params"] ?? .object([:]) }
    var id: JSON? { frame["id"] }
    var operation: String? { params["operation"]?.stringValue }
    var label: String { "seq \(seq) (conn \(conn), \(step)): \(method)\(operation.map { " \($0)" } ?? "")" }
}

enum RequestLog {
    /// `$KIDL_WIRE_LOG`, or `../shared/kurento-wire/requests.jsonl` next to the package.
    static let url: URL? = {
        if let path = ProcessInfo.processInfo.environment["KIDL_WIRE_LOG"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/kurento-wire/requests.jsonl")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static func load() throws -> [LoggedFrame] {
        guard let url else { return [] }
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { line in
            guard let json = JSON(text: String(line)), case .int(let seq)? = json["seq"], case .int(let conn)? = json["conn"],
                  let step = json["step"]?.stringValue, let frame = json["frame"] else {
                throw WireClient.Failure(description: "requests.jsonl: unreadable line \(line.prefix(120))")
            }
            return LoggedFrame(seq: Int(seq), conn: Int(conn), step: step, frame: frame)
        }
    }
}
