/*
 * Web Chat shows what the citizen sent as a download link unless the attachment carries a thumbnail, and the
 * service's copy of an upload carries none (a thumbnail would have to be stored and replayed with every
 * transcript). The uploaded photo is an image served by this origin, so it is its own thumbnail: the
 * citizen sees their photo, also when the conversation is resumed. Nothing from another origin is shown.
 */
export function ownPhotoAsImage() {
  return function (next) {
    return function (args) {
      const attachment = args && args.attachment;
      const fromUser = args && args.activity && args.activity.from && args.activity.from.role === 'user';
      if (fromUser && attachment && !attachment.thumbnailUrl && /^image\//.test(attachment.contentType || '') && isOwnUrl(attachment.contentUrl)) {
        return next(Object.assign({}, args, { attachment: Object.assign({}, attachment, { thumbnailUrl: attachment.contentUrl }) }));
      }
      return next(args);
    };
  };
}

function isOwnUrl(value) {
  try {
    return new URL(value).origin === window.location.origin;
  } catch (error) {
    return false;
  }
}
