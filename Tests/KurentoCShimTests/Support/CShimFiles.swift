import Foundation
import KurentoIDL
import KurentoIDLCodegen

/// Generates the C shim of modules in memory and writes it into folders.
enum CShimFiles {
    struct Failure: Error, CustomStringConvertible { var description: String }

    /// The generated files (`<module>.h`, `<module>.c` per module) of the inputs; no diagnostic but warnings.
    static func generate(_ inputs: [String], searchPaths: [String] = Paths.platform) throws -> [GeneratedFile] {
        let result = Frontend(inputs: inputs, searchPaths: searchPaths).run()
        let errors = result.diagnostics.all.filter { $0.severity == .error }
        guard errors.isEmpty, let schema = result.schema else {
            throw Failure(description: errors.map(\.description).joined(separator: "\n"))
        }
        return try Generator.generate(schema, options: GenerationOptions(targets: [.cShim]))
    }

    /// Writes files into a folder and returns their URLs.
    @discardableResult
    static func write(_ files: [GeneratedFile], to folder: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try files.map { file in
            let url = folder.appendingPathComponent(file.path)
            try Data(file.contents.utf8).write(to: url)
            return url
        }
    }

    /// Generates into a folder: the folder, and the module names generated.
    static func generate(_ inputs: [String], searchPaths: [String] = Paths.platform, into folder: URL) throws -> [String] {
        let files = try generate(inputs, searchPaths: searchPaths)
        try write(files, to: folder)
        return files.filter { $0.path.hasSuffix(".c") }.map { String($0.path.dropLast(2)) }
    }
}
