import KurentoPlatform
import KurentoRuntime

/// Kurento's `MediaPipeline`: the root its elements are created in; releasing it releases them.
public final class MediaPipelineImpl: MediaObjectBase, MediaPipeline, @unchecked Sendable {
    private let latencyStats = Locked(false)

    override public init(objectContext: ObjectContext) {
        super.init(objectContext: objectContext)
    }

    public func getGstreamerDot(details: GstreamerDotDetails?) async throws -> String {
        GstreamerDot.graph(of: self, name: "MediaPipeline")
    }

    public func dumpGstreamerDot(details: GstreamerDotDetails?) async throws {}
    public func getLatencyStats() async throws -> Bool { latencyStats.withLock { $0 } }
    public func setLatencyStats(_ value: Bool) async throws { latencyStats.withLock { $0 = value } }
}

/// Kurento's `HubPort`: a port of a hub, created with the hub as its parent.
public final class HubPortImpl: MediaElementBase, HubPort, @unchecked Sendable {
    public init(objectContext: ObjectContext, hub: any Hub) async throws {
        super.init(objectContext: objectContext)
    }
}

/// Kurento's `PassThrough`: an element that forwards what it receives.
public final class PassThroughImpl: MediaElementBase, PassThrough, @unchecked Sendable {
    public init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline) async throws {
        super.init(objectContext: objectContext)
    }
}
