// Tell govuk-frontend's styles that JavaScript is running (kept out of the page for the content security policy).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
