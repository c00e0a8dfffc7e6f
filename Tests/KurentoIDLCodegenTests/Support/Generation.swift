import Foundation
import KurentoIDL
import KurentoIDLCodegen
import Testing

/// Runs the front end and the generator in memory.
enum Generation {
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func schema(_ inputs: [String], searchPaths: [String] = []) throws -> Schema {
        let result = Frontend(inputs: inputs, searchPaths: searchPaths).run()
        let errors = result.diagnostics.all.filter { $0.severity == .error }
        guard errors.isEmpty, let schema = result.schema else {
            throw Failure(description: errors.map(\.description).joined(separator: "\n"))
        }
        return schema
    }

    static func files(_ inputs: [String], searchPaths: [String] = [], targets: [GenerationTarget] = [.swiftServer],
                      swiftModules: [String: String] = [:]) throws -> [GeneratedFile] {
        try Generator.generate(schema(inputs, searchPaths: searchPaths),
                               options: GenerationOptions(targets: targets, swiftModules: swiftModules))
    }

    /// Writes files into a folder and returns their URLs.
    static func write(_ files: [GeneratedFile], to folder: URL) throws -> [URL] {
        try files.map { file in
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
            return url
        }
    }
}
