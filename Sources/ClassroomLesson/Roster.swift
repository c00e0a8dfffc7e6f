import KurentoClassroomClient

/// The participants of a class and their endpoints, teacher first.
struct Roster {
    var teacher: (name: String, endpoint: LiveEndpoint)
    var students: [(name: String, endpoint: LiveEndpoint)] = []

    init(teacher: (String, LiveEndpoint)) { self.teacher = teacher }

    var endpoints: [LiveEndpoint] { [teacher.endpoint] + students.map(\.endpoint) }

    func endpoint(withID id: String) -> LiveEndpoint? { endpoints.first { $0.id == id } }

    func name(ofID id: String) -> String { ([teacher] + students).first { $0.endpoint.id == id }?.name ?? id }

    /// Who feeds whom, as the server says: each participant's name with the sorted names of its sources (one
    /// connection per media type: a plain `connect` makes three, audio, video and data).
    func feeds() async throws -> [String: [String]] {
        var feeds: [String: [String]] = [:]
        for (name, endpoint) in [teacher] + students {
            feeds[name] = Set(try await endpoint.getSourceConnections().map { self.name(ofID: $0.source.id) }).sorted()
        }
        return feeds
    }
}
