/** One row of the bell dropdown, as the layout hands it to the client. */
export type BellNotification = {
  id: string;
  title: string;
  body: string;
  link: string;
  readAt: Date | null;
  createdAt: Date;
};
