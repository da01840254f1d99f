/** The app's identity for the OS: the installers' appId and Windows' AppUserModelID, which must match for notifications to show under the app's name and icon. */
export const APP_ID = 'org.twinningdesk.desktop';
export const PRODUCT_NAME = 'Twinning Desk';
