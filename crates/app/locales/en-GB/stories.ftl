## Stories about services

story-title = Stories about services
story-intro = How did a service go for you: a ward, a clinic, a library, a bus route? Tell your story, and the people who run it answer in public.
story-new = Tell a story
story-new-intro = Your story is read by a moderator before it is published, then the service's provider can answer. Your name is shown; your email address never is.
story-filters = Filter stories
story-empty = No stories yet.
story-send = Send the story
notice-story-sent = Thank you. A moderator will read your story before it is published.
story-by = told by { $name }
story-has-response = answered
story-response-from = The response from { $name }
story-no-response = No response yet.
story-about-provider = About the accredited provider
story-title-provider = Stories about { $name }
story-all = All stories
story-more = Older stories
story-provider-intro = Stories from people who used the services of { $name }, an accredited local provider, with their answers.
story-new-provider-intro = A moderator reads your story before it is published. Then { $name } can answer in public, and so can the body that accredited them. Your name is shown; your email address never is.
story-respond = Respond in public
story-respond-submit = Publish the response
notice-story-responded = Your response is published.
story-status-pending = Waiting for a moderator
story-status-published = Published
story-status-rejected = Not published
story-change-none = No change announced
story-change-planned = A change is planned
story-change-made = A change has been made
story-moderate-title = Stories to moderate
story-moderate-empty = No story is waiting.
story-publish = Publish
story-reject = Do not publish
notice-story-published = The story is published.
notice-story-rejected = The story is not published; its author sees why.
story-widget-title = Stories about { $name }
story-embed = Show your stories on your own site
story-embed-intro = Paste this into a page of your website to show the newest stories about you (change pagesize to show more). The same data is available as JSON by adding format=json.

field-story-organisation = Which organisation runs the service?
field-story-organisation-invalid = Choose the organisation.
field-story-service = Which service?
field-story-service-hint = For example "Ward 4", "the Tuesday baby clinic" or "the number 12 bus".
field-story-title = A title for your story
field-story-body = Your story
field-story-body-hint = What happened, in your own words.
field-story-good = What was good?
field-story-better = What could be better?
field-story-response = Response
field-story-response-hint = Everyone can read it; the story's author is not named in your reply unless you name them.
field-story-change = Because of this story
field-story-change-invalid = Choose what is changing.
field-story-note = Why not (needed to not publish)
field-story-note-hint = The author sees this reason.

error-story-moderators-only = Only moderators can publish stories.
error-story-providers-only = Only the officials of the organisation the story is about can respond.
error-story-reason-needed = Give the author a reason when you do not publish a story.
error-story-decision-invalid = Choose to publish the story or not.
error-story-already-moderated = Another moderator has already decided about this story.
# An organisation's response must say something.
field-response-missing = Write a response.
