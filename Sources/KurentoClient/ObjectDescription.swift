/// What `describe` tells about an object: its class and the classes it descends from.
public struct ObjectDescription: Sendable, Hashable {
    /// The class name (`PassThrough`).
    public var type: String
    /// The class with its module's wire prefix (`kurento.PassThrough`).
    public var qualifiedType: String
    /// The ancestors, nearest first (`kurento.MediaElement`, `kurento.MediaObject`).
    public var hierarchy: [String]

    public init(type: String, qualifiedType: String, hierarchy: [String]) {
        self.type = type
        self.qualifiedType = qualifiedType
        self.hierarchy = hierarchy
    }
}
