package org.childjourneys.ingest;

import java.util.List;
import org.childjourneys.graphql.IdArgument;
import org.childjourneys.graphql.PageSize;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Import jobs over GraphQL: for administrators, as the import API is. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ImportGraphQlController {

  private final ImportJobService jobs;

  ImportGraphQlController(ImportJobService jobs) {
    this.jobs = jobs;
  }

  @QueryMapping
  ImportJob importJob(@Argument String id) {
    return jobs.find(IdArgument.check("id", id)).orElse(null);
  }

  @QueryMapping
  List<ImportJob> importJobs(@Argument int last) {
    return jobs.recent(PageSize.check("last", last));
  }

  @SchemaMapping(typeName = "ImportJob")
  String rejectionReport(ImportJob job) {
    return "/api/imports/" + job.id() + "/rejections.csv";
  }
}
