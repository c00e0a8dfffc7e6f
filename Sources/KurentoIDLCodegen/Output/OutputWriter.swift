import KurentoIDL

/// Writes generated files into an output folder: only what changed, each file atomically, starter files
/// only when absent, and with `clean` removes what an earlier run generated and this one no longer does.
///
/// Two steps, so that `--dry-run` and `--list` can show the plan without writing: `plan(_:)` reads the folder
/// and decides, `apply(_:)` writes. The generator works fully in memory, so a failed generation never gets here
/// and the folder stays as it was.
public struct OutputWriter: Sendable {
    /// The output folder, as given (relative to the working directory or absolute).
    public var directory: String
    /// Delete files listed in the folder's manifest that this run does not generate (and folders left empty).
    public var clean: Bool

    public init(directory: String, clean: Bool = false) {
        self.directory = directory
        self.clean = clean
    }

    /// Compares `files` with the folder's contents and manifest; reads, writes nothing.
    public func plan(_ files: [GeneratedFile]) throws(OutputError) -> OutputPlan {
        let files = try checked(files)
        let manifestPath = OutputPath.join(directory, GenerationManifest.fileName)
        let oldManifestText = try FileSystem.read(manifestPath).map { String(decoding: $0, as: UTF8.self) }
        let oldManifest = try oldManifestText.map { text throws(OutputError) in
            try GenerationManifest.parse(text, file: manifestPath)
        }

        var entries: [OutputPlan.Entry] = []
        var contents: [String: [UInt8]] = [:]
        for file in files {
            let path = OutputPath.join(directory, file.path)
            let bytes = Array(file.contents.utf8)
            let action: OutputPlan.Action
            if file.isStarter {
                action = try FileSystem.kind(at: path) == nil ? .new : .kept
                if action == .kept, FileSystem.isFolder(path) {
                    throw OutputError("cannot write '\(path)': a folder of that name is in the way")
                }
            } else {
                switch try FileSystem.read(path) {
                case nil: action = .new
                case let existing? where existing == bytes: action = .unchanged
                case _?: action = .changed
                }
            }
            if action.writes {
                contents[file.path] = bytes
                if action == .new { try checkFolders(for: file.path) }
            }
            entries.append(OutputPlan.Entry(path: file.path, action: action, isStarter: file.isStarter))
        }

        // Files an earlier run generated that this one does not: removed with `clean`, else kept in the manifest.
        let generated = Set(files.map(\.path))
        var stale: [String] = []
        for path in oldManifest?.paths ?? [] where !generated.contains(path) {
            let kind = try FileSystem.kind(at: OutputPath.join(directory, path))
            if kind == .file || kind == .symbolicLink { stale.append(path) }
        }
        for path in stale {
            entries.append(OutputPlan.Entry(path: path, action: clean ? .removed : .stale, isStarter: false))
        }
        entries.sort { $0.path < $1.path }

        let newManifest = GenerationManifest(
            paths: files.filter { !$0.isStarter }.map(\.path) + (clean ? [] : stale))
        // A folder that never had a manifest and gets no generated file needs none.
        let manifestChanges = oldManifestText != newManifest.text
            && !(oldManifestText == nil && newManifest.paths.isEmpty)
        return OutputPlan(directory: directory, entries: entries, generatedCount: files.count, contents: contents,
                          oldManifest: oldManifest, oldManifestText: oldManifestText, newManifest: newManifest,
                          manifestChanges: manifestChanges)
    }

    /// Carries out `plan`: writes new and changed files (each atomically), removes stale files with `clean`
    /// and the folders they leave empty, then rewrites the manifest if its text changes.
    ///
    /// On a failure (permission denied, a disk that is full, a file in the way of a folder) it stops and throws an
    /// error that names the file, the system's reason and how much of the plan was already carried out.
    public func apply(_ plan: OutputPlan) throws(OutputError) {
        let total = plan.entries.count { $0.action.writes || $0.action == .removed }
        var done = 0
        do {
            let manifestPath = OutputPath.join(directory, GenerationManifest.fileName)
            var manifestOnDisk = plan.oldManifestText
            // New files go into the manifest before they are written: should the run stop half-way, a later
            // `--clean` still knows they were generated.
            let oldPaths = plan.oldManifest?.paths ?? []
            let interim = GenerationManifest(paths: oldPaths + plan.newManifest.paths)
            if plan.manifestChanges, interim.paths != oldPaths || plan.oldManifest == nil {
                try FileSystem.makeFolders(directory)
                try FileSystem.writeAtomically(Array(interim.text.utf8), to: manifestPath, permissions: nil)
                manifestOnDisk = interim.text
            }

            for entry in plan.entries where entry.action.writes {
                let path = OutputPath.join(directory, entry.path)
                let folder = OutputPath.parentFolders(of: entry.path).last.map { OutputPath.join(directory, $0) }
                try FileSystem.makeFolders(folder ?? directory)
                try FileSystem.writeAtomically(plan.contents[entry.path] ?? [], to: path,
                                               permissions: FileSystem.permissions(at: path))
                done += 1
            }

            for entry in plan.entries where entry.action == .removed {
                try FileSystem.remove(OutputPath.join(directory, entry.path))
                done += 1
                for folder in OutputPath.parentFolders(of: entry.path).reversed() {
                    if !FileSystem.removeFolderIfEmpty(OutputPath.join(directory, folder)) { break }
                }
            }

            if plan.manifestChanges && manifestOnDisk != plan.newManifest.text {
                try FileSystem.makeFolders(directory)
                try FileSystem.writeAtomically(Array(plan.newManifest.text.utf8), to: manifestPath, permissions: nil)
            }
        } catch {
            var message = error.message
            if done > 0 {
                message += "; \(done) of \(total) file changes were made before this failure, so \(directory) is partly"
                    + " updated (every file in it is whole: each is written atomically); fix the cause and run again"
            } else {
                message += "; no generated file in \(directory) was changed"
            }
            throw OutputError(message, at: error.location)
        }
    }

    /// Plans and applies in one step; returns the plan carried out.
    @discardableResult
    public func write(_ files: [GeneratedFile]) throws(OutputError) -> OutputPlan {
        let plan = try plan(files)
        try apply(plan)
        return plan
    }

    /// `files` sorted by path, after checking each path and that no two files clash.
    private func checked(_ files: [GeneratedFile]) throws(OutputError) -> [GeneratedFile] {
        var seen: [String: Bool] = [:]
        var folders: Set<String> = []
        for file in files {
            let parts = try OutputPath.components(of: file.path, what: "generated file path")
            if file.path == GenerationManifest.fileName {
                throw OutputError("generated file path '\(file.path)' is not allowed: kidlc keeps its manifest there")
            }
            if seen.updateValue(file.isStarter, forKey: file.path) != nil {
                throw OutputError("two generated files have the same path '\(file.path)'")
            }
            var folder = ""
            for part in parts.dropLast() {
                folder = folder.isEmpty ? String(part) : folder + "/" + part
                folders.insert(folder)
            }
        }
        if let clash = folders.sorted().first(where: { seen[$0] != nil }) {
            throw OutputError("generated file path '\(clash)' is also the folder of other generated files")
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Before writing a new file: the folders that will hold it must be folders, or not exist yet.
    private func checkFolders(for relative: String) throws(OutputError) {
        if let kind = try FileSystem.kind(at: directory), kind != .folder, !FileSystem.isFolder(directory) {
            throw OutputError("cannot write into '\(directory)': it is not a folder")
        }
        for folder in OutputPath.parentFolders(of: relative) {
            let path = OutputPath.join(directory, folder)
            guard let kind = try FileSystem.kind(at: path) else { return }
            if kind != .folder && !FileSystem.isFolder(path) {
                throw OutputError("cannot write '\(OutputPath.join(directory, relative))': '\(path)' is a file, not a folder")
            }
        }
    }
}
