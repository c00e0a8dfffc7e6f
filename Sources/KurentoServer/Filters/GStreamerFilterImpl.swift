import Foundation
import KurentoPlatform
import KurentoRuntime

/// `GStreamerFilter` without GStreamer: keeps its command and the element properties set on it.
public final class GStreamerFilterImpl: FilterBase, GStreamerFilter, @unchecked Sendable {
    public let command: String
    public let filterType: FilterType
    private let properties = Locked<[String: String]>([:])

    public init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline, command: String,
                filterType: FilterType) async throws {
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw KurentoError.illegalParam("'command' must name a GStreamer element")
        }
        self.command = command
        self.filterType = filterType
        super.init(objectContext: objectContext)
    }

    public func getCommand() async throws -> String { command }

    public func setElementProperty(propertyName: String, propertyValue: String) async throws {
        properties.withLock { $0[propertyName] = propertyValue }
    }

    /// The properties set so far.
    public var elementProperties: [String: String] { properties.withLock { $0 } }
}
