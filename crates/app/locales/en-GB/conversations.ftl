## Community conversations

conversation-title = Conversations
conversation-intro = Talk through what matters in your area with your neighbours. Mark a reply as an idea for a solution: an idea can become an ask for help or a proposal for the participatory budget.
conversation-new = Start a conversation
conversation-start = Start it
notice-conversation-started = Your conversation has started; you will hear about replies.
conversation-filters = Filter conversations
conversation-with-ideas = Only conversations with ideas for solutions
conversation-empty = No conversations yet.
conversation-replies = { $count ->
    [one] 1 reply
   *[other] { $count } replies
}
conversation-ideas = { $count ->
    [one] 1 idea
   *[other] { $count } ideas
}
conversation-agreements = { $count ->
    [0] Nobody has agreed yet.
    [one] 1 person agrees.
   *[other] { $count } people agree.
}
conversation-agree = I agree
conversation-from-report = This conversation starts from a reported problem.
conversation-the-report = the reported problem
conversation-idea-tag = Idea for a solution
conversation-idea-next = Take this idea further:
conversation-as-ask = ask for help with it
conversation-as-proposal = propose it for { $budget }
conversation-reply = Reply
conversation-reply-send = Send the reply
notice-conversation-replied = Your reply is published.
notice-conversation-following = You are following this conversation.
notice-conversation-unfollowed = You no longer follow this conversation.
conversation-sign-in = Sign in to reply.
conversation-start-from-report = Start a conversation about it
conversation-reply-subject = New reply in "{ $title }"
conversation-reply-notice = { $who } replied in "{ $title }".
conversation-topic-streets = Streets and transport
conversation-topic-green-spaces = Parks and green spaces
conversation-topic-housing = Housing
conversation-topic-health = Health and care
conversation-topic-young-people = Young people
conversation-topic-older-people = Older people
conversation-topic-safety = Safety
conversation-topic-culture = Culture and events
conversation-topic-other = Something else
field-conversation-title = What is it about?
field-conversation-topic = Topic
field-conversation-topic-invalid = Choose a topic.
field-conversation-body = Say more
field-conversation-body-hint = What is happening, and what you would like to happen.
field-conversation-reply = Your reply
field-conversation-idea = This is an idea for a solution
moderation-kind-post = A conversation post
conversation-more = Older conversations
