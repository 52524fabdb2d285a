"""The application layer: each read command's work as one call. Options come in
as values (the data folder, dates and references as typed, filters, the
language); a Report comes out, with what the user should be warned of as
phrases. Here a data folder is opened for a read and typed text becomes dates,
goals and offices; printing, paging and exit codes stay in the CLI.

One module per command: `status`, `alerts`, `summary`, `show`, `entries`,
`goals`, `check`, `template`; `common` has what they share."""
