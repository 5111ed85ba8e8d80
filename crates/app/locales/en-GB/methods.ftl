## The methods library

method-title = Methods library
method-intro = Ways of bringing people together, as recipes anyone may use and adapt: openly licensed, with the steps, the materials and tips from people who have run them.
method-new = Publish a method
method-search = Search methods
method-tag = Tags
method-empty = No method matches.
method-is-adaptation = an adaptation
method-by = By { $name }
method-licence = Licence: { $licence }
method-adapted-from = adapted from
method-rating = { $count ->
    [one] Rated { $rating } out of 5 by { $count } person.
   *[other] Rated { $rating } out of 5 by { $count } people.
}
method-not-rated = Not rated yet.
method-adapt = Adapt this method
method-adapt-intro = Your version keeps a link to the original and credits its author:
method-adapted-title = { $title } (adapted)
method-adaptations = Adaptations
method-publish = Publish
notice-method-published = The method is published.
method-rate = Your rating
method-rate-submit = Rate
notice-method-rated = Thank you for rating it.
method-uses = We used this
method-no-uses = Nobody has told how they used it yet.
method-use-submit = Tell how you used it
notice-method-use-added = Thank you for telling how it went.
field-method-title = Name of the method
field-method-summary = In one sentence
field-method-purpose = What it is for
field-method-when = When to use it
field-method-group-size = Group size
field-method-duration = Time
field-method-materials = Materials
field-method-steps = Steps
field-method-steps-hint = One step per line, in order.
field-method-tips = Tips
field-method-variations = Variations
field-method-tags = Tags
field-method-tags-hint = Words separated by commas, for example "conversation, events".
field-method-licence = Licence
field-method-licence-hint = Creative Commons BY-SA unless you choose another open licence; adapting is always allowed.
field-method-licence-invalid = Choose one of the open licences.
field-method-occasion = Where and when
field-method-occasion-hint = For example "Brook Fields summer fair, July 2026".
field-method-story = How did it go?
error-method-stars = Give between 1 and 5 stars.
method-materials-files = Materials to download
method-no-materials = No files yet.
method-material-remove = Remove { $name }
field-method-file = Add a file
field-method-file-hint = Cards to print, worksheets, slides: PDF, PNG, JPEG, text, CSV, or an OpenDocument or Office file, up to 2 MB. Photos lose their location and camera data. Shared under the method's licence.
method-material-upload = Upload the file
notice-method-material-added = The file is added to the materials.
notice-method-material-removed = The file is removed.
error-material-empty = Choose a file to upload.
error-material-type = That kind of file cannot be a material: use PDF, PNG, JPEG, text, CSV, or an OpenDocument or Office file, with the right ending for what it is.
error-material-too-many = A method can have at most 20 files; remove one first.
error-material-not-allowed = Only the method's author and site administrators can change its materials.
# Required fields of a recipe and of a story of its use.
field-summary-missing = Write a short summary.
field-steps-missing = Write the steps.
field-occasion-missing = Say where or when you used it.
field-story-missing = Say how it went.
