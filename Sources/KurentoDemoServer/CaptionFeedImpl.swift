import KurentoPlatform
import KurentoRuntime
import KurentoServer
#if !KIDL_DEMO_PLUGIN
import KurentoDemo
#endif

/// `demo.CaptionFeed`: captions pushed wait until a stage filter takes the feed (`StageFilter.linkFeed`);
/// from then on they go straight to every linked filter that still exists.
final class CaptionFeedImpl: EndpointBase, CaptionFeed, @unchecked Sendable {
    let language: String

    private struct State {
        var pending: [Caption] = []
        /// Ids of the stage filters that take this feed's captions.
        var stages: [String] = []
    }

    private let state = Locked(State())

    init(objectContext: ObjectContext, mediaPipeline: any MediaPipeline, language: String) async throws {
        guard !language.isEmpty else { throw KurentoError.illegalParam("'language' must not be empty") }
        self.language = language
        super.init(objectContext: objectContext)
    }

    func push(caption: Caption) async throws {
        let stages = liveStages()
        if stages.isEmpty {
            state.withLock { $0.pending.append(caption) }
        } else {
            for stage in stages { _ = try await stage.showCaption(caption: caption) }
        }
    }

    func pushAll(captions: [Caption]) async throws -> Int32 {
        for caption in captions { try await push(caption: caption) }
        return Int32(captions.count)
    }

    func flush() async throws { state.withLock { $0.pending.removeAll() } }
    func getLanguage() async throws -> String { language }
    func getPendingCaptions() async throws -> Int32 { state.withLock { Int32($0.pending.count) } }

    /// A stage filter takes this feed: it receives the captions waiting, then every new one.
    func link(_ stage: StageFilterImpl) async throws {
        let pending = state.withLock { s in
            if !s.stages.contains(stage.id) { s.stages.append(stage.id) }
            defer { s.pending.removeAll() }
            return s.pending
        }
        for caption in pending { _ = try await stage.showCaption(caption: caption) }
    }

    /// The linked filters not released yet.
    private func liveStages() -> [StageFilterImpl] {
        let ids = state.withLock { $0.stages }
        return ids.compactMap { objectContext.directory?.object(withID: $0) as? StageFilterImpl }
    }
}
