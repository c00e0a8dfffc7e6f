import Foundation
import KurentoClient
import KurentoRuntime
import Synchronization

/// The frames a client sent, through `Configuration.trace`.
final class FrameRecorder: Sendable {
    private let frames = Mutex<[JSON]>([])

    var trace: @Sendable (KurentoClient.Frame) -> Void {
        { [self] frame in
            guard case .sent(let text) = frame, let json = JSON(text: text) else { return }
            frames.withLock { $0.append(json) }
        }
    }

    var sent: [JSON] { frames.withLock { $0 } }

    /// Sent requests of a method, in order.
    func requests(_ method: String) -> [JSON] { sent.filter { $0["method"] == .string(method) } }

    /// The sent `invoke` of an operation, the last one.
    func invoke(_ operation: String) -> JSON? { requests("invoke").last { $0["params"]?["operation"] == .string(operation) } }
}

/// What the real JavaScript client sent (`../shared/kurento-wire/requests.jsonl`), by shape.
enum ReferenceRequests {
    static var file: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/kurento-wire/requests.jsonl")
    }

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: file.path) }

    /// `method(param keys…)` of every frame, and of every operation inside a transaction. Keys the reference
    /// says a server ignores are left out: `properties` of `create`, the serialized client (`object`) of a
    /// transaction, `interval` of `ping`.
    static func shapes() throws -> Set<String> {
        let text = try String(contentsOf: file, encoding: .utf8)
        var result: Set<String> = []
        for line in text.split(separator: "\n") {
            guard let record = JSON(text: String(line)), let frame = record["frame"] else { continue }
            result.insert(shape(of: frame))
            for operation in frame["params"]?["operations"]?.arrayValue ?? [] { result.insert(shape(of: operation)) }
        }
        return result
    }

    static func shape(of frame: JSON) -> String {
        let method = frame["method"]?.stringValue ?? "?"
        var keys = Set(frame["params"]?.objectValue?.keys.map { $0 } ?? [])
        switch method {
        case "create": keys.remove("properties")
        case "transaction": keys.remove("object")
        case "ping": keys.remove("interval")
        default: break
        }
        let frameKeys = Set(frame.objectValue?.keys.map { $0 } ?? []).subtracting(["params"])
        return "\(method)(\(keys.sorted().joined(separator: ",")))[\(frameKeys.sorted().joined(separator: ","))]"
    }
}
