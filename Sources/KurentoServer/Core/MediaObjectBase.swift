import KurentoPlatform
import KurentoRuntime

/// Kurento's `MediaObject` behaviour: id, name, tags, parent, pipeline, children, creation time and
/// `sendTagsInEvents`. Every core implementation derives from it, and so can a plugin's classes (through
/// `MediaElementBase`, `FilterBase` …): their authors then write only the plugin's own members.
///
/// State lives behind a lock, which is why subclasses are `@unchecked Sendable` safely.
open class MediaObjectBase: MediaObject, EventTagSource, ReleaseAware, @unchecked Sendable {
    public let objectContext: ObjectContext

    private struct State {
        var name: String?
        var tags: [(key: String, value: String)] = []
        var sendTagsInEvents = false
    }

    private let state = Locked(State())

    public init(objectContext: ObjectContext) {
        self.objectContext = objectContext
    }

    public var id: String { objectContext.id }

    open func addTag(key: String, value: String) async throws {
        state.withLock { s in
            s.tags.removeAll { $0.key == key }
            s.tags.append((key, value))
        }
    }

    open func removeTag(key: String) async throws {
        state.withLock { s in s.tags.removeAll { $0.key == key } }
    }

    open func getTag(key: String) async throws -> String {
        guard let value = state.withLock({ s in s.tags.first { $0.key == key }?.value }) else {
            throw KurentoError.tagKeyNotFound("Tag '\(key)' not found")
        }
        return value
    }

    open func getTags() async throws -> [Tag] {
        state.withLock { s in s.tags.map { Tag(key: $0.key, value: $0.value) } }
    }

    open func getMediaPipeline() async throws -> (any MediaPipeline)? { objectContext.root as? any MediaPipeline }
    open func getParent() async throws -> (any MediaObject)? { objectContext.parent as? any MediaObject }
    open func getId() async throws -> String { id }
    open func getChildren() async throws -> [any MediaObject] { objectContext.children.compactMap { $0 as? any MediaObject } }

    /// The name defaults to the id.
    open func getName() async throws -> String { state.withLock { $0.name } ?? id }
    open func setName(_ value: String) async throws { state.withLock { $0.name = value } }

    open func getSendTagsInEvents() async throws -> Bool { sendsTagsInEvents }
    open func setSendTagsInEvents(_ value: Bool) async throws { state.withLock { $0.sendTagsInEvents = value } }

    open func getCreationTime() async throws -> Int32 { Int32(clamping: objectContext.creationTime) }

    public var sendsTagsInEvents: Bool { state.withLock { $0.sendTagsInEvents } }
    public var eventTags: [(key: String, value: String)] { state.withLock { $0.tags } }

    /// Called when the object is released; subclasses that override it call `super`.
    open func released() async {}
}
