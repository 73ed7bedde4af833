package org.childjourneys.ingest;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The import API: upload files of a format as a job, follow its progress, download its rejection
 * report. {@code import/import.sh} is a thin shell client of it.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

  private final ImportJobService jobs;

  private final org.childjourneys.security.Actors actors;

  ImportController(ImportJobService jobs, org.childjourneys.security.Actors actors) {
    this.actors = actors;
    this.jobs = jobs;
  }

  @PostMapping(path = "/{format}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ImportJob> upload(
      @PathVariable String format,
      @RequestParam("files") List<MultipartFile> files,
      @RequestParam(required = false) String system,
      @RequestParam(required = false) String la,
      @RequestParam(required = false) String referenceDate,
      @RequestParam(required = false) String mode,
      @RequestParam(required = false) String authority)
      throws IOException {
    ImportFormat f = ImportFormat.parse(format);
    String source = system != null && !system.isBlank() ? system.strip() : f.defaultSystem();
    if (source == null) {
      throw new IllegalArgumentException(
          "Say which source system the "
              + f.cliName()
              + " files come from: system=EDUCATION_MIS, for example");
    }
    if (!source.matches("[A-Z][A-Z0-9_@-]{1,39}")) {
      throw new IllegalArgumentException(
          "system must be 2-40 capital letters, digits, _ @ or -, starting with a letter; was "
              + source);
    }
    if (la != null && !la.isBlank() && !la.strip().matches("\\d{3}")) {
      throw new IllegalArgumentException("la must be the three-digit LA code, e.g. 999; was " + la);
    }
    String owner = ImportJobService.authority(authority);
    LocalDate reference = null;
    if (referenceDate != null && !referenceDate.isBlank()) {
      try {
        reference = LocalDate.parse(referenceDate.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "referenceDate must be a date as yyyy-mm-dd; was " + referenceDate);
      }
    }
    ImportMode m =
        mode == null || mode.isBlank()
            ? (f.snapshotByDefault() ? ImportMode.SNAPSHOT : ImportMode.DELTA)
            : parseMode(mode);
    if (files.isEmpty() || files.stream().allMatch(MultipartFile::isEmpty) && files.size() == 0) {
      throw new IllegalArgumentException(
          "No files uploaded: send them as multipart parts named files");
    }
    String jobId = jobs.newJobId();
    Path folder = jobs.newJobFolder(jobId);
    List<Path> stored = new ArrayList<>();
    for (MultipartFile file : files) {
      // Each file in its own numbered folder: two uploads may share a name, and reports must
      // show the name the data officer knows.
      Path target =
          java.nio.file.Files.createDirectories(
                  folder.resolve(String.format("%02d", stored.size() + 1)))
              .resolve(safeName(file.getOriginalFilename(), stored.size()));
      file.transferTo(target);
      stored.add(target);
    }
    ImportJob job =
        jobs.submit(
            jobId,
            new ImportRequest(
                f,
                source,
                la == null || la.isBlank() ? null : la.strip(),
                reference,
                m,
                stored,
                owner),
            actors.require().name());
    return ResponseEntity.accepted().location(URI.create("/api/imports/" + jobId)).body(job);
  }

  @GetMapping
  List<ImportJob> recent(@RequestParam(defaultValue = "20") int last) {
    if (last < 1 || last > 100) {
      throw new IllegalArgumentException("last must be from 1 to 100, was " + last);
    }
    return jobs.recent(last);
  }

  @GetMapping("/{id}")
  ResponseEntity<?> job(@PathVariable String id) {
    return jobs.find(id)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Map.of("error", "No import job " + id)));
  }

  @GetMapping(path = "/{id}/rejections.csv")
  ResponseEntity<StreamingResponseBody> rejections(@PathVariable String id) {
    if (jobs.find(id).isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    StreamingResponseBody body =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          jobs.writeRejectionsCsv(id, writer);
          writer.flush();
        };
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"" + id + "-rejections.csv\"")
        .body(body);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  private static ImportMode parseMode(String mode) {
    try {
      return ImportMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mode must be snapshot or delta; was " + mode);
    }
  }

  /** The uploaded file's own name, stripped of any path, so it cannot escape the job folder. */
  private static String safeName(String original, int index) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      name = "upload-" + (index + 1);
    }
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
